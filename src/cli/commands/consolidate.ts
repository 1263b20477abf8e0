import { parseArgs } from 'node:util';
import { consolidateRecords } from '../../lib/server/consolidate/consolidate-records.ts';
import { sourceReports } from '../../lib/server/consolidate/source-report.ts';
import { NotFoundError } from '../../lib/server/errors.ts';
import { findSourceBySlug } from '../../lib/server/harvest/source-repository.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'turn raw records into projects (only what changed, or everything with --full)',
  help: `Usage: tadata consolidate [--full] [--source <slug>] [--report] [--json]

Reads the raw records that imports and harvests stored and, through each source's field
mapping (saved with the source config), cleans, maps to the taxonomy, geocodes and applies the
partner's exclusions and media rules, then writes the projects. Every import already does it for
its source; run it after changing a partner's rules, a mapping or the taxonomy.

Without --full only records whose content, source config or partner rules changed since their
last consolidation are read. With --full every live record is read again; the result is the
same for the same input (same projects, same ids and URLs), and unchanged projects are not
rewritten. On the embedded database a full run builds the search indexes again at the end
instead of updating them row by row, and a full run of every source counts the search's word
dictionary once at the end instead of after each batch. Every run of 1,000 records or more refreshes the
database's statistics (ANALYZE).

Options:
  --full           rebuild every project from the raw records
  --source <slug>  only this source's records
  --report         then print the quality report per source: live records, records without a
                   commune, records with unmapped tags, records merged with another, pairs
                   waiting for review, excluded records, records whose name another record
                   of the source gives to a different project (e.g. a spreadsheet fill-down
                   error), average project quality (0–100)
  --json           print the report as JSON
  -h, --help       show this help
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        full: { type: 'boolean' },
        source: { type: 'string' },
        report: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    const { db } = await openCliDatabase('tadata consolidate', { quiet: values.json });
    try {
      let sourceIds: number[] | undefined;
      if (values.source) {
        const source = await findSourceBySlug(db, values.source);
        if (!source) throw new NotFoundError(`unknown source "${values.source}"`);
        sourceIds = [source.id];
      }
      // On PGlite nothing else reads during the run's transaction: a full run may drop and rebuild
      // the secondary indexes. On PostgreSQL the site keeps reading meanwhile, so they stay.
      const rebuildIndexes = Boolean(values.full) && db.kind === 'pglite';
      const report = await db.transaction((tx) =>
        consolidateRecords(tx, { full: values.full, sourceIds, rebuildIndexes }),
      );
      const sources = values.report ? await sourceReports(db, values.source ?? null) : undefined;
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...report, sources }, null, 2)}\n`);
      } else {
        process.stdout.write(
          [
            `${report.records} raw records consolidated${values.full ? ' (full rebuild)' : ''} in ${report.durationMs} ms`,
            `  projects: ${report.created} created, ${report.updated} updated, ${report.unpublished} unpublished, ${report.republished} republished`,
            `  ${report.excluded} excluded by their partner, ${report.failed} unreadable, ${report.warnings.length} warnings`,
            '',
          ].join('\n'),
        );
        for (const r of sources ?? []) {
          process.stdout.write(
            `${r.source}: ${r.records} records, ${r.ungeocoded} without a commune, ${r.withUnmappedTags} with unmapped tags, ` +
              `${r.merged} merged, ${r.pendingDuplicates} pairs to review, ${r.excluded} excluded, ` +
              `${r.sharedNames} sharing a name with another project, quality ${r.averageQuality}/100\n`,
          );
        }
      }
      return 0;
    } finally {
      await db.close();
    }
  },
};
