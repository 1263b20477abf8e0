import { parseArgs } from 'node:util';
import { changeTagRule, type TagRuleChange } from '../../lib/server/consolidate/change-tag-rule.ts';
import type { Database } from '../../lib/server/platform/db/database.ts';
import { listRuleCodes } from '../../lib/server/taxonomy/coordinator-tag-rules.ts';
import { listUnmappedTags } from '../../lib/server/taxonomy/unmapped-tags.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'list the partner tags no crosswalk rule maps yet, and map them to the taxonomy',
  help: `Usage: tadata tags unmapped [--source <slug>] [--json]
       tadata tags codes [--json]
       tadata tags map <partner> "<tag>" <CODE>[,<CODE>…] [--skip-consolidate]
       tadata tags unmap <partner> "<tag>" [--skip-consolidate]

unmapped: lists, for each source, the partner's own tags that no crosswalk rule maps to the CIS
taxonomy, with the number of live records that carry each, most frequent first: what
coordinators map next. The same list is served at /api/v1/tags/unmapped?source=<slug>.

codes: the codes of the 2018 nomenclature a rule points to, with the 2019 themes and
sub-themes each reaches (THEME/SUB).

map: adds the partner's rule "this tag means these codes" (replacing any rule it had for the
tag, case, accents and punctuation ignored), then re-reads the partner's records in the same
transaction so that their themes follow at once. unmap removes a rule a coordinator added;
the 2018 default rules are reference data and stay. Rules survive reloads of the reference data.

Options:
  --source <slug>      only this source (unmapped)
  --skip-consolidate   only change the rule; the next tadata consolidate --full applies it
  --json               print JSON
  -h, --help           show this help

Example:
  tadata tags map ffe "10- Réduction des inégalités" SOL,INC
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        json: { type: 'boolean' },
        'skip-consolidate': { type: 'boolean' },
      },
    });
    const [sub, ...args] = positionals;
    const arity: Record<string, number> = { unmapped: 0, codes: 0, map: 3, unmap: 2 };
    if (!sub || !(sub in arity))
      throw new CliUsageError('expected a subcommand: unmapped, codes, map or unmap');
    if (args.length !== arity[sub]) {
      throw new CliUsageError(
        sub === 'map'
          ? 'expected: tadata tags map <partner> "<tag>" <CODE>[,<CODE>…]'
          : sub === 'unmap'
            ? 'expected: tadata tags unmap <partner> "<tag>"'
            : `unexpected argument ${args[0]}`,
      );
    }
    const { db } = await openCliDatabase('tadata tags', { quiet: true });
    try {
      if (sub === 'unmapped') {
        const tags = await listUnmappedTags(db, values.source ?? null);
        if (values.json) process.stdout.write(`${JSON.stringify(tags, null, 2)}\n`);
        else if (!tags.length) process.stdout.write('every partner tag is mapped\n');
        else for (const t of tags) process.stdout.write(`${t.source}\t${t.count}\t${t.tag}\n`);
      } else if (sub === 'codes') {
        const codes = await listRuleCodes(db);
        if (values.json) process.stdout.write(`${JSON.stringify(codes, null, 2)}\n`);
        else for (const c of codes) process.stdout.write(`${c.code}\t${c.label}\t${c.themes.join(' ')}\n`);
      } else {
        const [partnerSlug = '', tag = '', codes = ''] = args;
        await changeRule(
          db,
          { partnerSlug, tag, codes: sub === 'map' ? codes.split(',') : null },
          {
            consolidate: !values['skip-consolidate'],
            json: Boolean(values.json),
          },
        );
      }
      return 0;
    } finally {
      await db.close();
    }
  },
};

async function changeRule(
  db: Database,
  change: TagRuleChange,
  options: { consolidate: boolean; json: boolean },
): Promise<void> {
  const result = await db.transaction((tx) => changeTagRule(tx, change, options));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const { saved, consolidation } = result;
  process.stdout.write(
    saved
      ? `"${saved.tag}" (${saved.partnerKey}) → ${saved.codes.join(', ')}${saved.replaced ? ` (was ${saved.replaced.join(', ')})` : ''}\n`
      : `the rule for "${change.tag}" is removed\n`,
  );
  process.stdout.write(
    consolidation
      ? `consolidated: ${consolidation.records} records re-read, ${consolidation.updated} projects updated\n`
      : 'not consolidated yet: the next tadata consolidate --full applies it\n',
  );
}
