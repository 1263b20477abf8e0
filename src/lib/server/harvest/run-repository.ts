import { hostname } from 'node:os';
import type { Queryable } from '../platform/db/database.ts';

export interface RunStats {
  found: number;
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  [extra: string]: unknown;
}

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

/** Another run of the source is in progress (in this process or another one). */
export class RunInProgressError extends Error {
  override name = 'RunInProgressError';
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
  outcome: { status: Exclude<RunStatus, 'running'>; stats: Record<string, unknown>; error?: string },
): Promise<void> {
  await db.query(
    `UPDATE harvest_run SET status = $2, stats = $3, error = $4, finished_at = now() WHERE id = $1`,
    [runId, outcome.status, JSON.stringify(outcome.stats), outcome.error ?? null],
  );
}

/** This process, as written in the run's owner column: "host:pid". */
export function currentOwner(): string {
  return `${hostname()}:${process.pid}`;
}

function ownerIsDead(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  // Only a process on this machine can be checked; elsewhere the heartbeat decides.
  if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * Marks failed the running runs of a source whose owner is gone: a process of this machine that
 * no longer exists (kill -9), or no heartbeat for `staleAfterMs` (another machine died). What
 * such a run wrote stays: its records were written in small idempotent transactions, and the
 * next run redoes the rest. Returns the ids of the runs recovered.
 */
export async function recoverStaleRuns(
  db: Queryable,
  sourceId: number,
  options: { staleAfterMs: number; now?: Date },
): Promise<number[]> {
  const now = options.now ?? new Date();
  const running = await db.query<{ id: number; owner: string | null; heartbeat: Date | null; started: Date }>(
    `SELECT id, owner, heartbeat_at AS heartbeat, started_at AS started
     FROM harvest_run WHERE source_id = $1 AND status = 'running' AND trigger = 'harvest'`,
    [sourceId],
  );
  const stale = running.filter(
    (run) =>
      ownerIsDead(run.owner) ||
      now.getTime() - new Date(run.heartbeat ?? run.started).getTime() > options.staleAfterMs,
  );
  for (const run of stale) {
    await db.query(
      `UPDATE harvest_run SET status = 'failed', finished_at = $2,
         error = 'interrupted: its process stopped before the end (crash, kill or lost machine); nothing was marked gone'
       WHERE id = $1 AND status = 'running'`,
      [run.id, now],
    );
  }
  return stale.map((run) => run.id);
}

/**
 * Starts a harvest run, or throws RunInProgressError when the source already has one: the
 * unique partial index harvest_run_one_running_idx is the lock, shared by every process.
 */
export async function claimRun(
  db: Queryable,
  input: { sourceId: number; configVersion: number; startedAt: Date },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO harvest_run (source_id, config_version, trigger, status, started_at, owner, heartbeat_at)
     VALUES ($1, $2, 'harvest', 'running', $3, $4, $3)
     ON CONFLICT (source_id) WHERE status = 'running' DO NOTHING
     RETURNING id`,
    [input.sourceId, input.configVersion, input.startedAt, currentOwner()],
  );
  if (!row) {
    const [other] = await db.query<{ id: number; owner: string | null; started: Date }>(
      `SELECT id, owner, started_at AS started FROM harvest_run WHERE source_id = $1 AND status = 'running'`,
      [input.sourceId],
    );
    throw new RunInProgressError(
      `the source is already being harvested (run ${other?.id ?? '?'}, by ${other?.owner ?? 'another process'}, since ${other ? new Date(other.started).toISOString() : '?'})`,
    );
  }
  return row.id;
}

export async function heartbeat(db: Queryable, runId: number): Promise<void> {
  await db.query(`UPDATE harvest_run SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [runId]);
}

export interface PastRun {
  id: number;
  status: RunStatus;
  startedAt: Date;
  stats: Record<string, unknown>;
}

/** The latest finished runs of a source (newest first), for the health comparison. */
export async function recentRuns(db: Queryable, sourceId: number, limit = 5): Promise<PastRun[]> {
  return db.query<PastRun>(
    `SELECT id, status, started_at AS "startedAt", stats FROM harvest_run
     WHERE source_id = $1 AND trigger = 'harvest' AND status IN ('succeeded', 'partial', 'failed')
     ORDER BY started_at DESC, id DESC LIMIT $2`,
    [sourceId, limit],
  );
}
