import type { Queryable } from '../platform/db/database.ts';

/**
 * THE seam between harvest and consolidation (rewire it at merge with the consolidation rewrite,
 * e.g. `consolidateRecords(db, { sourceId, rawRecordIds })`).
 *
 * Harvest flags every new, changed or returning raw record `consolidate_pending` in the same
 * transaction that writes it, and enqueues a `consolidate` job for the source; the job calls
 * this function. Today harvested fields have no mapping to the common schema yet, so it only
 * reports the records waiting (they stay pending, so nothing is lost until the real
 * consolidation clears the flag).
 */
export async function consolidateHarvestedRecords(
  db: Queryable,
  input: { sourceId: number },
): Promise<{ pending: number[] }> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM raw_record WHERE source_id = $1 AND consolidate_pending ORDER BY id`,
    [input.sourceId],
  );
  return { pending: rows.map((r) => r.id) };
}
