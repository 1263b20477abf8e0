import { loadDemoIfEmpty } from './demo/load-demo.ts';
import { startHarvestWorker } from './harvest/harvest-jobs.ts';
import { type Config, getConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { startJobQueue } from './platform/jobs.ts';
import { getLogger, type Logger } from './platform/logger.ts';
import { loadReferenceData } from './reference/load-reference-data.ts';

/** What the web server holds for its lifetime: one configuration, one database, one logger. */
export interface App {
  config: Config;
  db: Database;
  logger: Logger;
  /** Stops the job worker and scheduler (when running), then closes the database. */
  close(): Promise<void>;
}

let app: Promise<App> | undefined;

/**
 * Opens the database, applies migrations, loads reference data and, on an empty database, the
 * demo. Called once when the server starts (hooks.server.ts init) and by page loads.
 */
export function getApp(): Promise<App> {
  app ??= startApp(getConfig(), getLogger());
  return app;
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const db = await openDatabase(config, 'tadata serve');
  logger.info({ database: db.description }, 'database opened');
  const { applied } = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  await loadReferenceData(db, logger);
  if (config.loadDemo) await loadDemoIfEmpty(db, logger);
  // Embedded mode: this process is also the job worker and the harvest scheduler (PGlite allows
  // one process per data directory). With PostgreSQL, JOBS_ENABLED=false leaves that to
  // `tadata worker` processes.
  let stopJobs = async () => {};
  if (config.jobsEnabled) {
    const boss = await startJobQueue(db, {
      maintenance: true,
      onError: (error) => logger.error({ err: error }, 'job queue error'),
    });
    const worker = await startHarvestWorker(db, boss, { harvest: config.harvest, logger });
    logger.info('job worker and harvest scheduler started');
    stopJobs = async () => {
      await worker.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    };
  }
  return {
    config,
    db,
    logger,
    async close() {
      await stopJobs().catch((error: unknown) => logger.error({ err: error }, 'stopping jobs failed'));
      await db.close();
    },
  };
}
