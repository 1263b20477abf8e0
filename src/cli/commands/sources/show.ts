import { parseArgs } from 'node:util';
import { validateSourceConfig } from '../../../lib/server/harvest/config/validate-source-config.ts';
import { getSourceConfig } from '../../../lib/server/harvest/source-configs.ts';
import { CliUsageError } from '../../command.ts';
import { openCliDatabase } from '../../open-cli-database.ts';

export async function showSource(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { version: { type: 'string' } },
  });
  const [slug, ...extra] = positionals;
  if (!slug) throw new CliUsageError('which source? give its slug (see `tadata sources list`)');
  if (extra.length) throw new CliUsageError('one source at a time');
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
    throw new CliUsageError('--version must be a version number (1, 2, …)');
  }
  const { db } = await openCliDatabase('tadata sources show', { quiet: true });
  try {
    const found = await getSourceConfig(db, slug, version);
    // The header goes to stderr so that `tadata sources show x > x.json` gives a usable file.
    process.stderr.write(
      `source ${found.source.slug} (${found.source.kind}, partner ${found.partnerSlug}): ` +
        `config version ${found.version} of ${found.versions}, saved ${new Date(found.savedAt).toISOString()}` +
        `${found.version === found.source.currentVersion ? ' (current)' : ''}\n`,
    );
    // The database keeps JSON keys in its own order; the schema's order reads better.
    const checked = validateSourceConfig(found.config);
    process.stdout.write(`${JSON.stringify(checked.ok ? checked.config : found.config, null, 2)}\n`);
  } finally {
    await db.close();
  }
  return 0;
}
