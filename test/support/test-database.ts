import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/lib/server/platform/db/database.ts';
import { migrate } from '../../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../../src/lib/server/platform/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/server/platform/db/postgres-database.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * throwaway PostgreSQL server that scripts/test.sh starts (TEST_DATABASE_URL). Database tests
 * (*.db.test.ts) run once on each: `TADATA_TEST_DB` tells which.
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TADATA_TEST_DB;
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error('TADATA_TEST_DB must be pglite or postgres: run database tests through `npm test`.');
  }
  return kind;
}

export async function openTestDatabase(): Promise<Database> {
  const kind = testDatabaseKind();
  if (kind === 'pglite') {
    const db = await openPgliteDatabase(undefined);
    await migrate(db);
    return db;
  }
  const empty = await createEmptyPostgresDatabase();
  const db = await openPostgresDatabase(empty.url, { max: 4 });
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await empty.drop();
    },
  });
}

/** A new, empty database on the throwaway PostgreSQL server, for tests that run the CLI or server. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tests need the throwaway server that `npm test` ' +
        '(scripts/test.sh) starts. Run `npm test`, or start a server and set TEST_DATABASE_URL to a superuser URL.',
    );
  }
  const name = `tadata_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
