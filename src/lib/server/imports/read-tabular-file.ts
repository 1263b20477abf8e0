import { parse } from 'csv-parse/sync';
import { decodeText, type TextEncoding } from './decode-text.ts';

/** One row of an input file with the line where it starts, for error messages. */
export interface InputRow {
  line: number;
  values: Record<string, string>;
}

export interface TabularFile {
  kind: 'csv' | 'json';
  encoding: TextEncoding;
  separator: string | null;
  columns: string[];
  rows: InputRow[];
}

export interface Problem {
  line?: number;
  column?: number | string;
  message: string;
}

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

const SEPARATORS = [',', ';', '|', '\t'] as const;

/** The separator that splits the header line into the most fields, quotes taken into account. */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best: string = ',';
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === sep && !quoted) count++;
    }
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

interface CsvErrorLike {
  code?: string;
  message: string;
  lines?: number;
  column?: number | string;
}

export function readCsv(
  bytes: Uint8Array,
  options: { separator?: string; encoding?: TextEncoding } = {},
): TabularFile {
  const { text, encoding } = decodeText(bytes, options.encoding);
  const separator = options.separator ?? detectSeparator(text);
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      // Files edited by hand mix Windows and Unix line ends.
      record_delimiter: ['\r\n', '\n', '\r'],
      raw: true,
      info: true,
      // Field counts are checked below, where the line a record starts on is known exactly.
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  } catch (error) {
    const e = error as CsvErrorLike;
    const message =
      e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed (a missing " )' : e.message;
    throw new UnreadableFileError([{ line: e.lines, message }]);
  }
  const [header, ...body] = records;
  if (!header) throw new UnreadableFileError([{ message: 'the file is empty' }]);
  const columns = header.record.map((c) => c.trim());
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  columns.forEach((name, index) => {
    if (!name) return;
    const previous = seen.get(name);
    if (previous !== undefined) {
      problems.push({
        line: 1,
        column: index + 1,
        message: `column "${name}" appears twice (columns ${previous + 1} and ${index + 1})`,
      });
    }
    seen.set(name, index);
  });
  if (problems.length) throw new UnreadableFileError(problems);
  const rows = body.map(({ record, raw, info }) => {
    const newlines = raw.replace(/\r?\n$/, '').split('\n').length - 1;
    const line = info.lines - newlines;
    if (record.length !== header.record.length) {
      problems.push({
        line,
        message: `the row has ${record.length} fields where the header has ${header.record.length}`,
      });
    }
    const values: Record<string, string> = {};
    columns.forEach((name, i) => {
      if (name) values[name] = record[i] ?? '';
    });
    return { line, values };
  });
  if (problems.length) throw new UnreadableFileError(problems);
  return { kind: 'csv', encoding, separator, columns: columns.filter(Boolean), rows };
}

/** Line and column of a character offset, for JSON syntax errors. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * A JSON array of flat objects, or an object holding one under "data", "projects", "items" or
 * "records". Nested values are kept as JSON text; each item's line is where it starts.
 */
export function readJson(bytes: Uint8Array): TabularFile {
  const { text, encoding } = decodeText(bytes, 'utf-8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const where = offset ? position(text, Number(offset)) : undefined;
    throw new UnreadableFileError([
      { line: where?.line, column: where?.column, message: `invalid JSON: ${message}` },
    ]);
  }
  const container = parsed as Record<string, unknown>;
  const items = Array.isArray(parsed)
    ? parsed
    : (['data', 'projects', 'items', 'records'].map((k) => container?.[k]).find(Array.isArray) as
        | unknown[]
        | undefined);
  if (!items) {
    throw new UnreadableFileError([
      { line: 1, message: 'expected an array of objects, or an object with a "data" or "projects" array' },
    ]);
  }
  // Find where each item starts by scanning top-level object openings of the array.
  const starts = objectStarts(text);
  const columns = new Set<string>();
  const problems: Problem[] = [];
  const rows: InputRow[] = items.map((item, index) => {
    const line = starts[index] ?? 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, message: `item ${index + 1} is not an object` });
      return { line, values: {} };
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(item)) {
      columns.add(key);
      values[key] =
        value === null || value === undefined
          ? ''
          : Array.isArray(value) && value.every((v) => typeof v !== 'object')
            ? value.join('|')
            : typeof value === 'object'
              ? JSON.stringify(value)
              : String(value);
    }
    return { line, values };
  });
  if (problems.length) throw new UnreadableFileError(problems);
  return { kind: 'json', encoding, separator: null, columns: [...columns], rows };
}

function objectStarts(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let arrayDepth = -1;
  for (const ch of text) {
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (ch === '{' && arrayDepth >= 0 && depth === arrayDepth + 1) lines.push(line);
      if (ch === '[' && arrayDepth < 0) arrayDepth = depth;
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return lines;
}
