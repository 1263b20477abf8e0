import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, type ImportFormat } from '../../lib/server/imports/formats/import-format.ts';
import { type ImportReport, importFile } from '../../lib/server/imports/import-file.ts';
import { createPartner, findPartnerBySlug } from '../../lib/server/partners/partner-repository.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

const SEPARATORS: Record<string, string> = {
  ',': ',',
  ';': ';',
  '|': '|',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
};

export const importCommand: Command = {
  name: 'import',
  summary: "import a partner's file of projects (CSV, JSON or the CIS import format)",
  help: `Usage: tadata import <file> --partner <slug> [options]

Reads every row first and refuses the whole file, naming line and column, if a row is broken;
nothing is written then. Otherwise, in one transaction, rows become raw records of the
partner's import source (keyed so that the same project keeps its id and URL), then projects.
Importing the same file again changes nothing; a changed row updates its project in place;
a row that disappeared marks its record gone and unpublishes the project.

Options:
  --partner <slug>          the partner the file comes from (required)
  --partner-name <name>     create the partner with this name if it does not exist yet
  --partner-website <url>   its website, when creating it
  --licence <id>            its licence, when creating it (default CC-BY-SA-4.0)
  --format <cis|csv|json>   default: from the file name, CIS when the columns are the CIS model
  --separator <, ; | tab>   CSV separator (default: detected from the header line)
  --encoding <utf-8|windows-1252>  default: detected
  --key <column>            the column that identifies a project across imports
                            (default: an "id" column, else the project name and carrier)
  --source <slug>           the source to import into (default: <partner>-import)
  --json                    print the report as JSON
  -h, --help                show this help

Example:
  tadata import data/demo/ffe-laureats-2019.csv --partner fondation-la-france-s-engage
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        partner: { type: 'string' },
        'partner-name': { type: 'string' },
        'partner-website': { type: 'string' },
        licence: { type: 'string' },
        format: { type: 'string' },
        separator: { type: 'string' },
        encoding: { type: 'string' },
        key: { type: 'string' },
        source: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const [file, ...extra] = positionals;
    if (!file) throw new CliUsageError('which file? give its path');
    if (extra.length) throw new CliUsageError(`one file at a time (got ${positionals.length})`);
    if (!values.partner) throw new CliUsageError('--partner <slug> is required');
    if (values.format && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
      throw new CliUsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    }
    const separator = values.separator === undefined ? undefined : SEPARATORS[values.separator];
    if (values.separator !== undefined && !separator)
      throw new CliUsageError('--separator must be one of , ; | tab');
    const encoding = values.encoding?.toLowerCase().replace('cp1252', 'windows-1252');
    if (encoding && encoding !== 'utf-8' && encoding !== 'windows-1252') {
      throw new CliUsageError('--encoding must be utf-8 or windows-1252');
    }

    const { db } = await openCliDatabase('tadata import', { quiet: values.json });
    try {
      if (values['partner-name'] && !(await findPartnerBySlug(db, values.partner))) {
        await createPartner(db, {
          slug: values.partner,
          name: values['partner-name'],
          website: values['partner-website'],
          licence: values.licence,
        });
      }
      const report = await importFile(db, {
        file,
        partnerSlug: values.partner,
        format: values.format as ImportFormat | undefined,
        separator,
        encoding: encoding as 'utf-8' | 'windows-1252' | undefined,
        keyColumn: values.key,
        sourceSlug: values.source,
      });
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    } finally {
      await db.close();
    }
    return 0;
  },
};

function formatReport(r: ImportReport): string {
  const lines = [
    `Imported ${r.file} into ${r.source} (partner ${r.partner}, run ${r.runId}, config v${r.configVersion})`,
    `  format ${r.format}, ${r.encoding}${r.separator ? `, separator "${r.separator === '\t' ? 'tab' : r.separator}"` : ''}, key: ${r.keyStrategy}`,
    `  ${r.rows} rows → ${r.records.found} records: ${r.records.new} new, ${r.records.changed} changed, ${r.records.unchanged} unchanged, ${r.records.gone} gone`,
    `  projects: ${r.projects.created} created, ${r.projects.updated} updated, ${r.projects.unpublished} unpublished`,
  ];
  if (r.warnings.length) {
    lines.push(`  ${r.warnings.length} warnings:`);
    lines.push(...r.warnings.slice(0, 10).map((w) => `    ${w}`));
    if (r.warnings.length > 10) lines.push(`    … and ${r.warnings.length - 10} more (see --json)`);
  }
  lines.push(`  done in ${r.durationMs} ms`);
  return `${lines.join('\n')}\n`;
}
