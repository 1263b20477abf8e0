import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database, Queryable } from './database.ts';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<T>(sql, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Opens PGlite in a data directory, or in memory when dataDir is undefined (tests). */
export async function openPgliteDatabase(dataDir: string | undefined, purpose = 'tadata'): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir, purpose) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  // PGlite does not create the folder where sorts and hashes spill once past work_mem: a big
  // GROUP BY would fail with "could not create temporary file".
  if (dataDir) mkdirSync(path.join(dataDir, 'base', 'pgsql_tmp'), { recursive: true });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    description: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory',
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
