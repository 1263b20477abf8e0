import path from 'node:path';
import { parseArgs } from 'node:util';
import { NotFoundError } from '../../../lib/server/errors.ts';
import { saveSourceConfig } from '../../../lib/server/harvest/source-configs.ts';
import { findPartnerBySlug } from '../../../lib/server/partners/partner-repository.ts';
import { CliUsageError } from '../../command.ts';
import { openCliDatabase } from '../../open-cli-database.ts';
import { SLUG_PATTERN } from '../partners.ts';
import { checkConfigFile } from './validate.ts';

export async function addSource(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { partner: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new CliUsageError('which config? give the path of a source config (JSON)');
  if (extra.length) throw new CliUsageError(`one config at a time (got ${positionals.length})`);
  if (!values.partner) throw new CliUsageError('--partner <slug> is required');
  const slug = values.slug ?? path.basename(file).replace(/\.json$/i, '');
  if (!SLUG_PATTERN.test(slug)) {
    throw new CliUsageError(
      `"${slug}" is not a usable slug: lower-case letters, digits and dashes (use --slug)`,
    );
  }
  const checked = await checkConfigFile(file);
  if (!checked.ok) return 1;
  const { config } = checked;

  const { db } = await openCliDatabase('tadata sources add', { quiet: true });
  try {
    const saved = await db.transaction(async (tx) => {
      const partner = await findPartnerBySlug(tx, values.partner as string);
      if (!partner) {
        throw new NotFoundError(`no partner "${values.partner}": add it first with \`tadata partners add\``);
      }
      return saveSourceConfig(tx, {
        partnerId: partner.id,
        slug,
        name: values.name ?? config.name ?? slug,
        config,
      });
    });
    const what =
      saved.outcome === 'created'
        ? `created, config version 1`
        : saved.outcome === 'changed'
          ? `config changed: saved as version ${saved.version}`
          : `config unchanged: still version ${saved.version}`;
    process.stdout.write(`source ${slug} (${config.kind}, partner ${values.partner}): ${what}\n`);
  } finally {
    await db.close();
  }
  return 0;
}
