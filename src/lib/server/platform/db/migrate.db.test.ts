import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/support/test-database.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('are recorded and never applied twice', async () => {
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it('enable unaccent, pg_trgm and the French search configuration', async () => {
    const [row] = await db.query<{ v: string; sim: number }>(
      `SELECT to_tsvector('tadata_fr', 'Épiceries solidaires')::text AS v, similarity('solidaire', 'solidair') AS sim`,
    );
    expect(row?.v).toBe("'epicer':1 'solidair':2");
    expect(row?.sim).toBeGreaterThan(0.5);
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO partner (slug, name) VALUES ('rollback-test', 'Rollback')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.query(`SELECT 1 FROM partner WHERE slug = 'rollback-test'`);
    expect(rows).toHaveLength(0);
  });
});
