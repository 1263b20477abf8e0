import { getConfig } from '../lib/server/platform/config.ts';
import type { Database } from '../lib/server/platform/db/database.ts';
import { migrate } from '../lib/server/platform/db/migrate.ts';
import { openDatabase } from '../lib/server/platform/db/open-database.ts';
import { createLogger, type Logger, setLogger } from '../lib/server/platform/logger.ts';
import { loadReferenceData } from '../lib/server/reference/load-reference-data.ts';

/**
 * The database for a one-off command, migrated and with reference data. Refuses, with a clear
 * message, a PGlite directory that a running server holds.
 */
export async function openCliDatabase(
  purpose: string,
  options: { quiet?: boolean } = {},
): Promise<{ db: Database; logger: Logger }> {
  const config = getConfig();
  // Logs go to stderr so that stdout stays clean for data (exports, --json).
  const logger = createLogger({
    level: options.quiet ? 'warn' : config.logLevel,
    format: config.logFormat,
    destination: 2,
  });
  setLogger(logger);
  const db = await openDatabase(config, purpose);
  try {
    await migrate(db);
    await loadReferenceData(db, logger);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, logger };
}
