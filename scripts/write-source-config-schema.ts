// Regenerates docs/source-config.schema.json from the zod schema:
//   npx tsx scripts/write-source-config-schema.ts && npx biome format --write docs/source-config.schema.json
import { writeFileSync } from 'node:fs';
import {
  SOURCE_CONFIG_JSON_SCHEMA_PATH,
  sourceConfigJsonSchema,
} from '../src/lib/server/harvest/config/source-config-json-schema.ts';

writeFileSync(SOURCE_CONFIG_JSON_SCHEMA_PATH, sourceConfigJsonSchema());
process.stdout.write(`wrote ${SOURCE_CONFIG_JSON_SCHEMA_PATH}\n`);
