import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidInputFileError } from '../../lib/server/errors.ts';
import { geocodeCsv } from '../../lib/server/territories/geocode-csv.ts';
import { geocodeText } from '../../lib/server/territories/geocode-text.ts';
import { loadGeocoder } from '../../lib/server/territories/geocoder.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

export const geocodeCommand: Command = {
  name: 'geocode',
  summary: 'geocode a place or a whole CSV file offline (commune, département, région, coordinates)',
  help: `Usage: tadata geocode "<address or place>" [--json]
       tadata geocode --csv <file> --columns <name,name…> [--output <file>]

Answers from the same offline geocoder consolidation uses (La Poste postal codes, communes,
arrondissements, CEDEX codes, merged communes): the postal code and city are read from the text.

With --csv, the given columns of each row are joined and geocoded, and the file is written back
with added columns, as the national address service's CSV endpoint does: result_citycode (INSEE
code), result_city, result_postcode, result_departement, result_region, latitude, longitude,
result_precision (commune, postal_code, departement, region, national, unknown) and result_score
(0–1).

Options:
  --csv <file>         geocode this CSV file
  --columns <names>    comma-separated columns that hold the address (with --csv)
  --output <file>      where to write the CSV (default: standard output)
  --json               print the answer for one place as JSON
  -h, --help           show this help
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        csv: { type: 'string' },
        columns: { type: 'string' },
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean' },
      },
    });
    if (values.csv ? positionals.length : positionals.length !== 1) {
      throw new CliUsageError(
        values.csv ? `unexpected argument ${positionals[0]}` : 'give one place in quotes, or --csv <file>',
      );
    }
    if (values.csv && !values.columns) throw new CliUsageError('--csv needs --columns');
    let bytes: Uint8Array | null = null;
    if (values.csv) {
      try {
        bytes = await readFile(values.csv);
      } catch (error) {
        throw new InvalidInputFileError(values.csv, [
          { message: `cannot read the file: ${(error as Error).message}` },
        ]);
      }
    }
    const { db } = await openCliDatabase('tadata geocode', { quiet: true });
    try {
      const geocoder = await loadGeocoder(db);
      if (values.csv && bytes) {
        const columns = (values.columns as string)
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        const csv = geocodeCsv(geocoder, values.csv, bytes, columns);
        if (values.output) await writeFile(values.output, csv);
        else process.stdout.write(csv);
        return 0;
      }
      const result = geocodeText(geocoder, positionals[0] as string);
      if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        process.stdout.write(
          `${result.city ?? '?'} (${result.inseeCode ?? '?'}), département ${result.departementCode ?? '?'}, région ${result.regionCode ?? '?'}\n` +
            `  ${result.latitude ?? '?'}, ${result.longitude ?? '?'} — precision ${result.precision}, score ${result.score}\n` +
            result.warnings.map((w) => `  ! ${w}\n`).join(''),
        );
      }
      return result.precision === 'unknown' ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
