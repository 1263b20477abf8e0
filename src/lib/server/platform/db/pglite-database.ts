import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database, Queryable } from './database.ts';

/**
 * PGlite runs PostgreSQL in single-user mode, where nothing checkpoints on its own: the write-ahead
 * log of a bulk write (a full consolidation writes gigabytes of it) would pile up, in memory for an
 * in-memory database. Every few statements, past WAL_BEFORE_CHECKPOINT bytes of log since the last
 * checkpoint, one is taken; it is allowed inside a transaction and loses nothing if that fails.
 */
const STATEMENTS_BETWEEN_CHECKS = 25;
const WAL_BEFORE_CHECKPOINT = 64 * 1024 * 1024;

function walKeeper() {
  let statements = 0;
  return async (target: PGlite | Transaction) => {
    if (++statements % STATEMENTS_BETWEEN_CHECKS) return;
    const result = await target.query<{ bytes: number }>(
      `SELECT (pg_current_wal_insert_lsn() - redo_lsn)::float8 AS bytes FROM pg_control_checkpoint()`,
    );
    if ((result.rows[0]?.bytes ?? 0) > WAL_BEFORE_CHECKPOINT) await target.exec('CHECKPOINT');
  };
}

function wrap(target: PGlite | Transaction, keepWal: ReturnType<typeof walKeeper>): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<T>(sql, params ? [...params] : undefined);
      await keepWal(target);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
      await keepWal(target);
    },
  };
}

/** Opens PGlite in a data directory, or in memory when dataDir is undefined (tests). */
export async function openPgliteDatabase(dataDir: string | undefined, purpose = 'tadata'): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir, purpose) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      dataDir,
      extensions: { unaccent, pg_trgm },
      // After a checkpoint, PostgreSQL keeps up to max_wal_size of old log (1 GB by default) for
      // reuse: in memory when PGlite has no directory. A small embedded database needs far less.
      startParams: [...PGlite.defaultStartParams, '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'],
    });
  } catch (error) {
    release();
    throw error;
  }
  // PGlite does not create the folder where sorts and hashes spill once past work_mem: a big
  // GROUP BY would fail with "could not create temporary file".
  if (dataDir) mkdirSync(path.join(dataDir, 'base', 'pgsql_tmp'), { recursive: true });
  const keepWal = walKeeper();
  const base = wrap(pg, keepWal);
  return {
    kind: 'pglite',
    description: dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory',
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return pg.transaction((tx) => fn(wrap(tx, keepWal)));
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
