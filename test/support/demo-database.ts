import { loadDemoIfEmpty } from '../../src/lib/server/demo/load-demo.ts';
import type { Database } from '../../src/lib/server/platform/db/database.ts';
import { loadReferenceData } from '../../src/lib/server/reference/load-reference-data.ts';
import { silentLogger } from './silent-logger.ts';
import { openTestDatabase } from './test-database.ts';

/** A test database with reference data and, unless told otherwise, the 150 demo projects. */
export async function openDemoDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const db = await openTestDatabase();
  await loadReferenceData(db, silentLogger);
  if (options.demo ?? true) await loadDemoIfEmpty(db, silentLogger);
  return db;
}
