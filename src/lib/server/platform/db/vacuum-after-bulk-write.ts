import type { Database } from './database.ts';

/** The tables a consolidation writes: those a full run leaves with dead rows. */
export const CONSOLIDATION_TABLES = [
  'project',
  'project_location',
  'project_source',
  'project_redirect',
  'duplicate_pair',
  'raw_record',
  'search_word',
] as const;

/**
 * PGlite runs no autovacuum: every rewrite of a row leaves its old version behind, so after a few
 * full consolidations a table holds several times its live data. After a bulk write has
 * committed (VACUUM cannot run inside a transaction), this reclaims the dead rows and refreshes
 * the planner's statistics of these tables. Returns the milliseconds spent; nothing to do on
 * PostgreSQL, whose autovacuum does it.
 */
export async function vacuumAfterBulkWrite(db: Database, tables: readonly string[]): Promise<number> {
  if (db.kind !== 'pglite' || !tables.length) return 0;
  const started = performance.now();
  await db.exec(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  return performance.now() - started;
}
