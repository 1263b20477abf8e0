import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// Counts and ids come back as numbers, as they do from PGlite (int8 stays exact up to 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params ? [...params] : undefined);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/**
 * Settings of every connection. work_mem: a search collects the matches of a broad word as a
 * bitmap of table pages, and past work_mem (PostgreSQL's default, 4 MB) the bitmap keeps pages
 * only, so every row of those pages is read and its text matched again (at 1,000,000 projects,
 * 130,000 rows rechecked for 8,000 matches: the search's p95 went from 290-340 ms to 240 ms with
 * 32 MB). A sort or hash of any query may use that much, a few per query: a server holding
 * (pool size × processes) connections needs that memory. jit off: PostgreSQL compiles a
 * query's expressions to machine code when its plan's estimated cost passes jit_above_cost, and
 * a search that walks ids newest first (NEWEST_WALK) is costed as a walk over the whole table:
 * compiling took longer than the search (at 1,000,000 projects, 900 ms instead of 80 ms). A
 * DATABASE_URL with its own `options` parameter replaces these settings.
 */
export const POSTGRES_SESSION_OPTIONS = '-c work_mem=32MB -c jit=off';

export async function openPostgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: POSTGRES_SESSION_OPTIONS,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // Fail now, with a clear message, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const base = wrap(pool);
  return {
    kind: 'postgres',
    description: describeDatabaseUrl(url),
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close() {
      return pool.end();
    },
  };
}
