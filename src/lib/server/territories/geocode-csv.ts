import { InvalidInputFileError } from '../errors.ts';
import { ColumnLookup } from '../imports/column-lookup.ts';
import { readCsv, UnreadableFileError } from '../imports/read-tabular-file.ts';
import { geocodeText } from './geocode-text.ts';
import type { Geocoder } from './geocoder.ts';

/** The columns added to each row, as the national address service's CSV endpoint names them. */
export const RESULT_COLUMNS = [
  'result_citycode',
  'result_city',
  'result_postcode',
  'result_departement',
  'result_region',
  'latitude',
  'longitude',
  'result_precision',
  'result_score',
] as const;

function quote(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Geocodes a spreadsheet: the given columns of each row, joined, are read as one address, and
 * the file comes back with the result columns added (same separator, UTF-8).
 */
export function geocodeCsv(geocoder: Geocoder, file: string, bytes: Uint8Array, columns: string[]): string {
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(bytes);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new InvalidInputFileError(file, error.problems);
    throw error;
  }
  const lookup = new ColumnLookup(table.columns);
  const used = columns.map((c) => {
    const found = lookup.column([c]);
    if (!found) {
      throw new InvalidInputFileError(file, [
        { line: 1, column: c, message: `no column "${c}"; the file has ${table.columns.join(', ')}` },
      ]);
    }
    return found;
  });
  const separator = table.separator ?? ',';
  const line = (values: string[]) => values.map((v) => quote(v, separator)).join(separator);
  const out = [line([...table.columns, ...RESULT_COLUMNS])];
  for (const row of table.rows) {
    const text = used
      .map((c) => (row.values[c] ?? '').trim())
      .filter(Boolean)
      .join(', ');
    const r = geocodeText(geocoder, text);
    out.push(
      line([
        ...table.columns.map((c) => row.values[c] ?? ''),
        r.inseeCode ?? '',
        r.city ?? '',
        r.postalCode ?? '',
        r.departementCode ?? '',
        r.regionCode ?? '',
        r.latitude?.toString() ?? '',
        r.longitude?.toString() ?? '',
        r.precision,
        r.score.toFixed(2),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}
