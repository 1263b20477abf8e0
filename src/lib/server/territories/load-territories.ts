import type { Queryable } from '../platform/db/database.ts';
import { readTerritorySources } from './read-territory-sources.ts';
import type { TerritoryRows } from './territory-rows.ts';

export interface TerritoryCounts {
  regions: number;
  departements: number;
  epci: number;
  communes: number;
}

// Rows travel as one JSON parameter per statement: a handful of round trips instead of 37k.
const CHUNK_SIZE = 10_000;

/** Columns of one table: SQL name, SQL type, and how to read it from a row. */
type Columns<T> = readonly (readonly [string, string, (row: T) => unknown])[];

const regionColumns: Columns<TerritoryRows['regions'][number]> = [
  ['code', 'text', (r) => r.code],
  ['name', 'text', (r) => r.name],
  ['population', 'integer', (r) => r.population],
];

const departementColumns: Columns<TerritoryRows['departements'][number]> = [
  ['code', 'text', (r) => r.code],
  ['name', 'text', (r) => r.name],
  ['region_code', 'text', (r) => r.regionCode],
  ['population', 'integer', (r) => r.population],
];

const epciColumns: Columns<TerritoryRows['epci'][number]> = [
  ['code', 'text', (r) => r.code],
  ['name', 'text', (r) => r.name],
  ['kind', 'text', (r) => r.kind],
  ['population', 'integer', (r) => r.population],
];

const communeColumns: Columns<TerritoryRows['communes'][number]> = [
  ['insee_code', 'text', (r) => r.inseeCode],
  ['name', 'text', (r) => r.name],
  ['kind', 'text', (r) => r.kind],
  ['parent_insee_code', 'text', (r) => r.parentInseeCode],
  ['departement_code', 'text', (r) => r.departementCode],
  ['region_code', 'text', (r) => r.regionCode],
  ['epci_code', 'text', (r) => r.epciCode],
  ['postal_codes', 'text[]', (r) => r.postalCodes],
  ['population', 'integer', (r) => r.population],
  ['latitude', 'double precision', (r) => r.latitude],
  ['longitude', 'double precision', (r) => r.longitude],
  ['delegated_names', 'text[]', (r) => r.delegatedNames],
  ['former_insee_codes', 'text[]', (r) => r.formerInseeCodes],
];

/**
 * INSERT … ON CONFLICT DO UPDATE from json_to_recordset. The WHERE leaves unchanged rows
 * untouched, so a reload that changes nothing writes nothing (no dead tuples, same xmin).
 */
async function upsert<T>(db: Queryable, table: string, key: string, columns: Columns<T>, rows: readonly T[]) {
  const names = columns.map(([name]) => name);
  const updated = names.filter((name) => name !== key);
  const sql = `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${names.map((name) => `r.${name}`).join(', ')}
      FROM json_to_recordset($1::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
    ON CONFLICT (${key}) DO UPDATE SET ${updated.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
    WHERE (${updated.map((name) => `${table}.${name}`).join(', ')})
      IS DISTINCT FROM (${updated.map((name) => `EXCLUDED.${name}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const records = rows
      .slice(start, start + CHUNK_SIZE)
      .map((row) => Object.fromEntries(columns.map(([name, , read]) => [name, read(row)])));
    await db.query(sql, [JSON.stringify(records)]);
  }
}

/** Rows the sources no longer have (communes merged, EPCI redrawn). Nothing references them by key. */
async function deleteOthers(db: Queryable, table: string, key: string, keep: readonly string[]) {
  await db.query(`DELETE FROM ${table} WHERE ${key} NOT IN (SELECT json_array_elements_text($1::json))`, [
    JSON.stringify(keep),
  ]);
}

/**
 * Loads régions, départements, EPCI and communes from the shipped sources: an idempotent upsert
 * in a few bulk statements. The caller runs it in a transaction.
 */
export async function loadTerritories(db: Queryable, sources?: TerritoryRows): Promise<TerritoryCounts> {
  const rows = sources ?? (await readTerritorySources());
  await upsert(db, 'region', 'code', regionColumns, rows.regions);
  await upsert(db, 'departement', 'code', departementColumns, rows.departements);
  await upsert(db, 'epci', 'code', epciColumns, rows.epci);
  await upsert(db, 'commune', 'insee_code', communeColumns, rows.communes);
  await deleteOthers(
    db,
    'commune',
    'insee_code',
    rows.communes.map((c) => c.inseeCode),
  );
  await deleteOthers(
    db,
    'epci',
    'code',
    rows.epci.map((e) => e.code),
  );
  return {
    regions: rows.regions.length,
    departements: rows.departements.length,
    epci: rows.epci.length,
    communes: rows.communes.length,
  };
}
