import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite directory. */
export function openDatabase(config: Config, purpose: string): Promise<Database> {
  if (config.databaseUrl) return openPostgresDatabase(config.databaseUrl);
  return openPgliteDatabase(config.pgliteDir, purpose);
}
