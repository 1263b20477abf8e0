import type { Queryable } from '../platform/db/database.ts';

/** Freshness only: the records were seen again, unchanged. */
export async function touchProjects(db: Queryable, rawRecordIds: number[], seenAt: Date): Promise<void> {
  if (!rawRecordIds.length) return;
  await db.query(`UPDATE project_source SET last_seen_at = $2 WHERE raw_record_id = ANY($1::int[])`, [
    rawRecordIds,
    seenAt,
  ]);
  await db.query(
    `UPDATE project SET last_seen_at = $2
     WHERE id IN (SELECT project_id FROM project_source WHERE raw_record_id = ANY($1::int[])) AND last_seen_at < $2`,
    [rawRecordIds, seenAt],
  );
}
