import type { Queryable } from '../platform/db/database.ts';
import type { IncomingRecord } from './store-raw-records.ts';

export interface BatchCounts {
  new: number;
  changed: number;
  unchanged: number;
}

/**
 * Stores one batch of a harvest run, in the caller's (small) transaction. Keyed by (source,
 * stable key), so writing the same batch twice — a run redone after a crash — inserts nothing
 * twice. New, changed or returning records are flagged for consolidation in the same write.
 * Nothing is marked gone here: that is markGone's job, after a complete run.
 */
export async function storeHarvestBatch(
  db: Queryable,
  input: { sourceId: number; runId: number; seenAt: Date; records: readonly IncomingRecord[] },
): Promise<BatchCounts> {
  const counts: BatchCounts = { new: 0, changed: 0, unchanged: 0 };
  if (!input.records.length) return counts;
  const existing = await db.query<{ stable_key: string; content_hash: string; gone: boolean }>(
    `SELECT stable_key, content_hash, gone_at IS NOT NULL AS gone FROM raw_record
     WHERE source_id = $1 AND stable_key = ANY($2::text[])`,
    [input.sourceId, input.records.map((r) => r.key)],
  );
  const byKey = new Map(existing.map((r) => [r.stable_key, r]));
  const unchanged: string[] = [];
  for (const record of input.records) {
    const previous = byKey.get(record.key);
    if (previous && previous.content_hash === record.contentHash && !previous.gone) {
      unchanged.push(record.key);
      continue;
    }
    await db.query(
      `INSERT INTO raw_record (source_id, stable_key, content_hash, fields, source_url, first_seen_at,
         last_seen_at, changed_at, last_run_id, consolidate_pending)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $7, true)
       ON CONFLICT (source_id, stable_key) DO UPDATE SET content_hash = excluded.content_hash,
         fields = excluded.fields, source_url = excluded.source_url, last_seen_at = excluded.last_seen_at,
         changed_at = excluded.changed_at, gone_at = NULL, last_run_id = excluded.last_run_id,
         consolidate_pending = true`,
      [
        input.sourceId,
        record.key,
        record.contentHash,
        JSON.stringify(record.fields),
        record.sourceUrl,
        input.seenAt,
        input.runId,
      ],
    );
    if (previous) counts.changed++;
    else counts.new++;
  }
  if (unchanged.length) {
    await db.query(
      `UPDATE raw_record SET last_seen_at = $3, last_run_id = $4
       WHERE source_id = $1 AND stable_key = ANY($2::text[])`,
      [input.sourceId, unchanged, input.seenAt, input.runId],
    );
    counts.unchanged = unchanged.length;
  }
  return counts;
}

/**
 * After a complete, successful run: every record of the source this run did not see is gone.
 * Never deleted, only dated; a record found again later comes back (storeHarvestBatch).
 */
export async function markGone(
  db: Queryable,
  input: { sourceId: number; runId: number; at: Date },
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `UPDATE raw_record SET gone_at = $3
     WHERE source_id = $1 AND gone_at IS NULL AND last_run_id IS DISTINCT FROM $2
     RETURNING id`,
    [input.sourceId, input.runId, input.at],
  );
  return rows.map((r) => r.id);
}
