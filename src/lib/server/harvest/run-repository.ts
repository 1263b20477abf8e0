import type { Queryable } from '../platform/db/database.ts';

export interface RunStats {
  found: number;
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  [extra: string]: unknown;
}

export async function startRun(
  db: Queryable,
  input: { sourceId: number; configVersion: number; trigger: 'harvest' | 'import'; startedAt: Date },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO harvest_run (source_id, config_version, trigger, status, started_at)
     VALUES ($1, $2, $3, 'running', $4) RETURNING id`,
    [input.sourceId, input.configVersion, input.trigger, input.startedAt],
  );
  if (!row) throw new Error('could not record the run');
  return row.id;
}

export async function finishRun(
  db: Queryable,
  runId: number,
  outcome: { status: 'succeeded' | 'failed'; stats: Record<string, unknown>; error?: string },
): Promise<void> {
  await db.query(
    `UPDATE harvest_run SET status = $2, stats = $3, error = $4, finished_at = now() WHERE id = $1`,
    [runId, outcome.status, JSON.stringify(outcome.stats), outcome.error ?? null],
  );
}
