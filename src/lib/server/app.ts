import { loadDemoIfEmpty } from './demo/load-demo.ts';
import { type Config, getConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { getLogger, type Logger } from './platform/logger.ts';
import { loadReferenceData } from './reference/load-reference-data.ts';

/** What the web server holds for its lifetime: one configuration, one database, one logger. */
export interface App {
  config: Config;
  db: Database;
  logger: Logger;
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
  return { config, db, logger };
}
