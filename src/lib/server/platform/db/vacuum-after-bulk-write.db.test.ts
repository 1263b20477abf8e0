import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/support/test-database.ts';
import type { Database } from './database.ts';
import { CONSOLIDATION_TABLES, vacuumAfterBulkWrite } from './vacuum-after-bulk-write.ts';

/** The planner's row count of a table: -1 until something (ANALYZE, VACUUM) measured it. */
async function plannedRows(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ reltuples: number }>(
    `SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = $1`,
    [table],
  );
  return row?.reltuples ?? Number.NaN;
}

describe('vacuumAfterBulkWrite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('vacuums and analyzes the written tables on PGlite only (PostgreSQL has autovacuum)', async () => {
    await db.exec(`
      INSERT INTO search_word (word, ndoc) SELECT 'mot' || n, 1 FROM generate_series(1, 500) AS n;
      UPDATE search_word SET ndoc = 2;`);
    // (On PostgreSQL autovacuum may measure it meanwhile.)
    if (db.kind === 'pglite') expect(await plannedRows(db, 'search_word')).toBe(-1);
    const ms = await vacuumAfterBulkWrite(db, CONSOLIDATION_TABLES);
    if (db.kind === 'pglite') {
      expect(ms).toBeGreaterThan(0);
      expect(await plannedRows(db, 'search_word')).toBe(500);
    } else {
      expect(ms).toBe(0);
    }
  });
});
