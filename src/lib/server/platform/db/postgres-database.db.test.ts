import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../../../test/support/test-database.ts';
import type { Database } from './database.ts';

describe('database sessions', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('give searches enough memory on PostgreSQL for exact bitmaps of a broad word (work_mem)', async () => {
    // Every pooled connection, not only the first: two at once take two connections.
    const rows = await Promise.all(
      [1, 2].map(() =>
        db.query<{ work_mem: string }>('SELECT current_setting($1) AS work_mem', ['work_mem']),
      ),
    );
    const expected = testDatabaseKind() === 'postgres' ? '32MB' : '4MB';
    expect(rows.map((r) => r[0]?.work_mem)).toEqual([expected, expected]);
  });

  it('do not compile searches to machine code on PostgreSQL (jit)', async () => {
    const [row] = await db.query<{ jit: string }>('SELECT current_setting($1) AS jit', ['jit']);
    expect(row?.jit).toBe(testDatabaseKind() === 'postgres' ? 'off' : 'on');
  });
});
