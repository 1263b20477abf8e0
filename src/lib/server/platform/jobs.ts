import PgBoss from 'pg-boss';
import type { Database } from './db/database.ts';

/**
 * pg-boss on our own database connection, PGlite or PostgreSQL: pg-boss only needs
 * `executeSql(text, values)`. Its schema migrations send several statements in one text without
 * parameters, which PGlite refuses as a prepared statement: those go through `exec`.
 */
export function pgBossDb(db: Database): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: await db.query(text, values) };
      try {
        const rows = await db.query(text);
        // pg answers a multi-statement text with one result per statement (no `rows`).
        return { rows: Array.isArray(rows) ? rows : [] };
      } catch (error) {
        if (!/multiple commands/i.test(String(error))) throw error;
        await db.exec(text);
        return { rows: [] };
      }
    },
  };
}

export type JobQueue = PgBoss;

/**
 * Starts pg-boss on the database (creating its `pgboss` schema on first use). `maintenance`:
 * whether this process also expires, archives and deletes old jobs (workers do; a CLI that only
 * sends a job does not).
 */
export async function startJobQueue(
  db: Database,
  options: { maintenance: boolean; onError?: (error: Error) => void },
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: pgBossDb(db),
    schema: 'pgboss',
    supervise: options.maintenance,
    // Our scheduler decides what is due from each source's frequency; pg-boss cron is not used.
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  return boss;
}
