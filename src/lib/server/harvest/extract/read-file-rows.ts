import { InvalidParameterError } from '../../errors.ts';
import { readCsv } from '../../imports/read-tabular-file.ts';
import type { FileSourceConfig } from '../config/source-config.schema.ts';
import type { FetchedPage } from './crawl-types.ts';
import { readJsonPath } from './json-path.ts';

/** The rows of a CSV, XLSX or JSON file, each a plain object keyed by column name. */
export async function readFileRows(
  file: FetchedPage,
  config: FileSourceConfig,
): Promise<Record<string, unknown>[]> {
  const bytes = file.bytes ?? new TextEncoder().encode(file.body);
  if (config.format === 'csv') {
    return readCsv(bytes, config.separator ? { separator: config.separator } : {}).rows.map(
      (row) => row.values,
    );
  }
  if (config.format === 'json') {
    let document: unknown;
    try {
      document = JSON.parse(file.body);
    } catch (error) {
      throw new InvalidParameterError('file', `${file.url} is not JSON (${(error as Error).message})`);
    }
    const found = readJsonPath(document, config.items ?? '');
    const rows = found.length === 1 && Array.isArray(found[0]) ? found[0] : found;
    return rows.filter((row): row is Record<string, unknown> => !!row && typeof row === 'object');
  }
  if (!file.bytes) {
    throw new InvalidParameterError(
      'file',
      `${file.url}: an XLSX file needs the fetcher to return its bytes`,
    );
  }
  return readXlsx(file.bytes, config.sheet, file.url);
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined, url: string) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new InvalidParameterError(
      'file',
      `${url} is not a readable XLSX file (${(error as Error).message})`,
    );
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new InvalidParameterError('file', `${url} has no sheet ${sheetName ?? ''}`.trim());
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = cell.text.trim();
  });
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, unknown> = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = header[column];
      if (name) values[name] = cell.text;
    });
    if (Object.keys(values).length) rows.push(values);
  });
  return rows;
}
