import { createHash } from 'node:crypto';
import { cleanLine } from '../text/clean-text.ts';
import { normalizeKey } from '../text/normalize-key.ts';
import { ColumnLookup } from './column-lookup.ts';
import { type CommonField, FIELD_ALIASES } from './formats/field-aliases.ts';
import type { Problem, TabularFile } from './read-tabular-file.ts';
import type { KeyedRecord, LocationInput, RecordInput } from './record-input.ts';

export interface MapOptions {
  /** The CIS import model adds theme code columns and "28D"/"24R" style territory codes. */
  cis: boolean;
  /** Column whose values identify items at the source; default: id, else source URL, else name. */
  keyColumn?: string;
}

export interface MappedFile {
  records: KeyedRecord[];
  keyStrategy: string;
  problems: Problem[];
}

const TAG_SEPARATORS = /\s*[;|,]\s*|\n/;

function parseNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) && value.trim() !== '' ? n : undefined;
}

function codesFrom(values: (string | undefined)[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((v) => (v ?? '').split(/[-,;|\s]+/))
        .map((v) => v.trim().toUpperCase())
        .filter((v) => /^[A-Z]{2,5}$/.test(v)),
    ),
  ];
}

export function mapRows(file: TabularFile, options: MapOptions): MappedFile {
  const lookup = new ColumnLookup(file.columns);
  const col = (field: CommonField) => lookup.column(FIELD_ALIASES[field]);
  const columns = Object.fromEntries(
    (Object.keys(FIELD_ALIASES) as CommonField[]).map((f) => [f, col(f)]),
  ) as Record<CommonField, string | undefined>;
  const problems: Problem[] = [];

  if (!columns.name) {
    problems.push({
      line: 1,
      message: `no project name column: expected one of ${FIELD_ALIASES.name.map((a) => `"${a}"`).join(', ')}`,
    });
    return { records: [], keyStrategy: 'none', problems };
  }
  if (options.keyColumn && !lookup.column([options.keyColumn])) {
    problems.push({
      line: 1,
      column: options.keyColumn,
      message: `the key column "${options.keyColumn}" is not in the file`,
    });
    return { records: [], keyStrategy: 'none', problems };
  }

  // CIS code columns: level 1 "… Thématiques N CODE", level 2 "… Sous-thématiques N CODE".
  const themeColumns = options.cis ? lookup.columnsMatching(/^tag cis niveau 1 thematiques \d code$/) : [];
  const subthemeColumns = options.cis
    ? lookup.columnsMatching(/^tag cis niveau 2 sous thematiques \d code$/)
    : [];
  const cisDepartement = options.cis ? lookup.column(['departement code', 'departement_code']) : undefined;
  const cisRegion = options.cis ? lookup.column(['region code']) : undefined;

  const keyColumn = options.keyColumn
    ? lookup.column([options.keyColumn])
    : options.cis
      ? undefined
      : (columns.id ?? undefined);
  const keyStrategy = keyColumn ? `column "${keyColumn}"` : 'project name and carrier';

  const get = (values: Record<string, string>, column: string | undefined) =>
    column ? (values[column] ?? '').trim() || undefined : undefined;

  const groups = new Map<string, KeyedRecord>();
  for (const row of file.rows) {
    const v = row.values;
    const name = cleanLine(get(v, columns.name));
    if (!name) {
      problems.push({ line: row.line, column: columns.name, message: 'the project name is empty' });
      continue;
    }
    const carrier = cleanLine(get(v, columns.carrier)) ?? undefined;
    let key: string;
    if (keyColumn) {
      const value = get(v, keyColumn);
      if (!value) {
        problems.push({ line: row.line, column: keyColumn, message: 'the key is empty' });
        continue;
      }
      key = `id:${value}`;
    } else {
      key = `name:${normalizeKey(name)}|${normalizeKey(carrier ?? '')}`;
    }

    const latitude = parseNumber(get(v, columns.latitude));
    const longitude = parseNumber(get(v, columns.longitude));
    const location: LocationInput = {
      address: get(v, columns.address),
      postalCode: get(v, columns.postalCode),
      city: get(v, columns.city),
      inseeCode: get(v, columns.inseeCode),
      departement: (get(v, cisDepartement) ?? get(v, columns.departement))?.replace(/^(\w{2,3})D$/, '$1'),
      region: (get(v, cisRegion) ?? get(v, columns.region))?.replace(/^(\d{2})R$/, '$1'),
      latitude: latitude !== undefined && latitude >= -90 && latitude <= 90 ? latitude : undefined,
      longitude: longitude !== undefined && longitude >= -180 && longitude <= 180 ? longitude : undefined,
    };

    const existing = groups.get(key);
    if (existing) {
      // Same key: another site of the same project (one row per site), unless the names differ,
      // which means the key column is not an identifier (a spreadsheet fill-down, for example).
      if (normalizeKey(existing.input.name) !== normalizeKey(name)) {
        problems.push({
          line: row.line,
          column: keyColumn,
          message: `the key is also used on line ${existing.lines[0]} for a different project ("${existing.input.name}"): choose another key column with --key`,
        });
        continue;
      }
      existing.lines.push(row.line);
      existing.input.locations.push(location);
      const sites = (existing.fields._sites as Record<string, string>[] | undefined) ?? [];
      existing.fields._sites = [...sites, v];
      continue;
    }

    const input: RecordInput = {
      name,
      carrier,
      description: get(v, columns.description),
      website: get(v, columns.website),
      sourceUrl: get(v, columns.sourceUrl),
      email: get(v, columns.email),
      phone: get(v, columns.phone),
      partnerTags: (get(v, columns.tags) ?? '')
        .split(TAG_SEPARATORS)
        .map((t) => t.trim())
        .filter(Boolean),
      themeCodes: codesFrom(themeColumns.map((c) => v[c])),
      subthemeCodes: codesFrom(subthemeColumns.map((c) => v[c])),
      locations: [location],
    };
    groups.set(key, { key, lines: [row.line], fields: { ...v }, input });
  }
  return { records: [...groups.values()], keyStrategy, problems };
}

/** A stable hash of what the source said: same content, same hash, whatever the key order. */
export function contentHash(fields: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(fields)))
    .digest('hex');
}
