import { parseArgs } from 'node:util';
import { listUnmappedTags } from '../../lib/server/taxonomy/unmapped-tags.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const tagsCommand: Command = {
  name: 'tags',
  summary: 'list the partner tags no crosswalk rule maps yet, per source, with counts',
  help: `Usage: tadata tags unmapped [--source <slug>] [--json]

Lists, for each source, the partner's own tags that no crosswalk rule maps to the CIS taxonomy,
with the number of live records that carry each, most frequent first: what coordinators map next.
The same list is served at /api/v1/tags/unmapped?source=<slug>.

Options:
  --source <slug>  only this source
  --json           print JSON
  -h, --help       show this help
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { source: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals[0] !== 'unmapped' || positionals.length > 1) {
      throw new CliUsageError('expected the subcommand "unmapped"');
    }
    const { db } = await openCliDatabase('tadata tags', { quiet: true });
    try {
      const tags = await listUnmappedTags(db, values.source ?? null);
      if (values.json) process.stdout.write(`${JSON.stringify(tags, null, 2)}\n`);
      else if (!tags.length) process.stdout.write('every partner tag is mapped\n');
      else for (const t of tags) process.stdout.write(`${t.source}\t${t.count}\t${t.tag}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
