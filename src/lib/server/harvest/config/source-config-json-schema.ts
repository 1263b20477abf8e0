import { z } from 'zod';
import { sourceConfigSchema } from './source-config.schema.ts';

/** Where the published JSON Schema lives, relative to the repository root. */
export const SOURCE_CONFIG_JSON_SCHEMA_PATH = 'docs/source-config.schema.json';

/**
 * The JSON Schema of source configs, as written by people (defaults optional), for editors and
 * for the guide. Generated from the zod schema so that the two never disagree.
 */
export function sourceConfigJsonSchema(): string {
  const schema = z.toJSONSchema(sourceConfigSchema, { io: 'input', unrepresentable: 'any' });
  const document = {
    ...schema,
    title: 'Tadata source config',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
