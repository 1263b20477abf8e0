import type { Queryable } from '../platform/db/database.ts';

export interface IncomingRecord {
  key: string;
  contentHash: string;
  fields: Record<string, unknown>;
  sourceUrl: string | null;
}

export interface StoredRecords {
  counts: { found: number; new: number; changed: number; unchanged: number; gone: number };
  /** Raw records to (re)consolidate: new, changed, or back after being gone. */
  changed: { id: number; key: string; firstSeenAt: Date }[];
  unchangedIds: number[];
  goneIds: number[];
}

/**
 * Saves one complete listing of a source: new keys are inserted, changed content updated in
 * place (same id), unchanged records only get their last-seen time, and records of the source
 * that the listing no longer has are marked gone — never deleted. Call it only with a complete
 * listing, inside the run's transaction.
 */
export async function storeRawRecords(
  db: Queryable,
  input: { sourceId: number; runId: number; seenAt: Date; records: IncomingRecord[] },
): Promise<StoredRecords> {
  const existing = await db.query<{
    id: number;
    stable_key: string;
    content_hash: string;
    gone: boolean;
    first_seen_at: Date;
  }>(
    `SELECT id, stable_key, content_hash, gone_at IS NOT NULL AS gone, first_seen_at FROM raw_record WHERE source_id = $1`,
    [input.sourceId],
  );
  const byKey = new Map(existing.map((r) => [r.stable_key, r]));
  const result: StoredRecords = {
    counts: { found: input.records.length, new: 0, changed: 0, unchanged: 0, gone: 0 },
    changed: [],
    unchangedIds: [],
    goneIds: [],
  };
  const seen = new Set<string>();
  for (const record of input.records) {
    seen.add(record.key);
    const previous = byKey.get(record.key);
    if (!previous) {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO raw_record (source_id, stable_key, content_hash, fields, source_url, first_seen_at, last_seen_at, changed_at, last_run_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $7) RETURNING id`,
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
      if (!row) throw new Error(`could not store record ${record.key}`);
      result.counts.new++;
      result.changed.push({ id: row.id, key: record.key, firstSeenAt: input.seenAt });
    } else if (previous.content_hash !== record.contentHash || previous.gone) {
      await db.query(
        `UPDATE raw_record SET content_hash = $2, fields = $3, source_url = $4, last_seen_at = $5, changed_at = $5,
           gone_at = NULL, last_run_id = $6 WHERE id = $1`,
        [
          previous.id,
          record.contentHash,
          JSON.stringify(record.fields),
          record.sourceUrl,
          input.seenAt,
          input.runId,
        ],
      );
      result.counts.changed++;
      result.changed.push({ id: previous.id, key: record.key, firstSeenAt: previous.first_seen_at });
    } else {
      result.counts.unchanged++;
      result.unchangedIds.push(previous.id);
    }
  }
  if (result.unchangedIds.length) {
    await db.query(`UPDATE raw_record SET last_seen_at = $2, last_run_id = $3 WHERE id = ANY($1::int[])`, [
      result.unchangedIds,
      input.seenAt,
      input.runId,
    ]);
  }
  const goneIds = existing.filter((r) => !r.gone && !seen.has(r.stable_key)).map((r) => r.id);
  if (goneIds.length) {
    await db.query(`UPDATE raw_record SET gone_at = $2 WHERE id = ANY($1::int[])`, [goneIds, input.seenAt]);
  }
  result.counts.gone = goneIds.length;
  result.goneIds = goneIds;
  return result;
}
