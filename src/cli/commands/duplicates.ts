import { parseArgs } from 'node:util';
import {
  decideDuplicate,
  listPendingDuplicates,
} from '../../lib/server/consolidate/duplicates/resolve-duplicates.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const duplicatesCommand: Command = {
  name: 'duplicates',
  summary: 'review the pairs of projects that may be duplicates: list, merge, reject',
  help: `Usage: tadata duplicates list [--limit <n>] [--json]
       tadata duplicates merge <public-id> <public-id>
       tadata duplicates reject <public-id> <public-id>

Consolidation merges pairs of projects that are surely the same project (same name in the
same commune, similar name and carrier, same website, same partner page) and queues the doubtful
ones here. A decision is remembered: a merged pair is merged again at every rebuild, a rejected
pair is never proposed again. The project found first keeps its id and URL; the other's URL
redirects to it. The list and the decisions are also served at /api/v1/duplicates (GET, POST),
behind the admin token (ADMIN_TOKEN).

Options:
  --limit <n>  at most n pairs (default 100)
  --json       print JSON
  -h, --help   show this help
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { limit: { type: 'string' }, json: { type: 'boolean' } },
    });
    const [action, a, b, ...rest] = positionals;
    if (action === 'list' ? a !== undefined : action !== 'merge' && action !== 'reject') {
      throw new CliUsageError('expected list, merge <id> <id> or reject <id> <id>');
    }
    if (action !== 'list' && (!a || !b || rest.length))
      throw new CliUsageError(`${action} needs two public ids`);
    const limit = Number(values.limit ?? 100);
    if (!Number.isInteger(limit) || limit < 1) throw new CliUsageError('--limit must be a positive integer');
    const { db } = await openCliDatabase('tadata duplicates', { quiet: true });
    try {
      if (action === 'list') {
        const pairs = await listPendingDuplicates(db, limit);
        if (values.json) process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
        else if (!pairs.length) process.stdout.write('no pair waits for review\n');
        else
          for (const p of pairs) {
            process.stdout.write(
              `${p.score.toFixed(2)}  ${p.publicIdA} ${p.publicIdB}  (${p.reasons.join(', ')})\n` +
                `      ${p.nameA} — ${p.carrierA ?? '?'}\n      ${p.nameB} — ${p.carrierB ?? '?'}\n`,
            );
          }
        return 0;
      }
      await db.transaction((tx) =>
        decideDuplicate(tx, [a as string, b as string], action === 'merge' ? 'merge' : 'reject'),
      );
      process.stdout.write(`${action === 'merge' ? 'merged' : 'rejected'} ${a} ${b}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
