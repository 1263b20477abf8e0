import { consolidateRecords } from '../consolidate/consolidate-records.ts';
import type { Database } from '../platform/db/database.ts';

/**
 * The seam between harvest and consolidation. Harvest flags every new, changed or returning
 * raw record `consolidate_pending` in the same transaction that writes it, and enqueues a
 * `consolidate` job for the source; the job calls this. Consolidation is incremental (it finds
 * the records whose content or rules changed), so the flag is cleared only once it has run.
 */
export async function consolidateHarvestedRecords(
  db: Database,
  input: { sourceId: number },
): Promise<{ pending: number[]; consolidated: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(
      `SELECT id FROM raw_record WHERE source_id = $1 AND consolidate_pending ORDER BY id`,
      [input.sourceId],
    );
    const report = await consolidateRecords(tx, { sourceIds: [input.sourceId] });
    await tx.query(
      `UPDATE raw_record SET consolidate_pending = false WHERE source_id = $1 AND consolidate_pending`,
      [input.sourceId],
    );
    return { pending: rows.map((r) => r.id), consolidated: report.records };
  });
}
