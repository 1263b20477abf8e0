import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { publishedProjects } from '../../lib/server/exports/published-projects.ts';
import { EXPORT_FORMATS, type ExportFormat, writeExport } from '../../lib/server/exports/write-export.ts';
import { getConfig } from '../../lib/server/platform/config.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write all published projects as CSV, JSON or GeoJSON',
  help: `Usage: tadata export --format <csv|json|geojson> [--output <file>]

Writes every published project with its partners, the link to each partner's page for the
project, and the licences (as the charter requires), streamed in batches.

Options:
  --format <csv|json|geojson>  required
  --output <file>              write to this file (default: standard output)
  -h, --help                   show this help

Project URLs in the export start with PUBLIC_URL (default http://localhost:PORT).
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string' }, output: { type: 'string', short: 'o' } },
    });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) {
      throw new CliUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const { db } = await openCliDatabase('tadata export', { quiet: true });
    try {
      const chunks = Readable.from(writeExport(publishedProjects(db), format, getConfig().publicUrl));
      await pipeline(chunks, values.output ? createWriteStream(values.output) : process.stdout);
    } catch (error) {
      // The reader stopped early (`tadata export … | head`): not an error.
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    } finally {
      await db.close();
    }
    return 0;
  },
};
