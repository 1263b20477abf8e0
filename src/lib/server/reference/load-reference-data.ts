import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.ts';
import { loadTerritories } from '../territories/load-territories.ts';

/**
 * Bump when the shipped reference files (data/reference, data/taxonomy) or their loaders
 * change: the next start reloads them. Loading is an idempotent upsert.
 */
export const REFERENCE_DATA_VERSION = '2026-11-25.1';

export async function loadReferenceData(
  db: Database,
  logger: Logger,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const [current] = await db.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM instance_setting WHERE key = 'reference_data_version'`,
  );
  if (!options.force && current?.value === REFERENCE_DATA_VERSION) return false;
  const started = Date.now();
  const counts = await db.transaction(async (tx) => {
    const territories = await loadTerritories(tx);
    const taxonomy = await loadTaxonomy(tx);
    await tx.query(
      `INSERT INTO instance_setting (key, value) VALUES ('reference_data_version', to_jsonb($1::text))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [REFERENCE_DATA_VERSION],
    );
    return { territories, taxonomy };
  });
  logger.info(
    { ...counts, version: REFERENCE_DATA_VERSION, ms: Date.now() - started },
    'reference data loaded',
  );
  return true;
}
