import { InvalidParameterError, NotFoundError } from '../../errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { rebuildMergedProjects } from '../rebuild-merged-projects.ts';
import {
  ADD_REDIRECTS,
  DECIDE_PAIR,
  DEDUP_ROWS,
  DEDUP_ROWS_ALL,
  DELETE_PROJECTS,
  DUPLICATE_NEIGHBOURS,
  KNOWN_PAIRS,
  MOVE_REDIRECTS,
  MOVE_SOURCES,
  PENDING_PAIRS,
  PROJECT_BY_PUBLIC_ID,
  UPSERT_PAIRS,
} from './duplicates.queries.ts';
import type { DedupRow, ScoredPairs } from './score-candidates.ts';
import { AUTO_MERGE_THRESHOLD } from './score-pair.ts';

export interface DuplicatesReport {
  /** Pairs scored in this run. */
  candidates: number;
  merged: number;
  /** Pairs now waiting for review. */
  pending: number;
}

/** Name similarity at which pg_trgm proposes a neighbour in an incremental run. */
const TRIGRAM_THRESHOLD = '0.5';
/**
 * From this many projects to check, the full run's blocking over every project replaces the index
 * lookups of their neighbours and the comparison of each with all of them, which grow with the
 * product of both (a first import of 30,000 records had not finished after 20 minutes on PostgreSQL).
 */
export const BLOCKING_FROM = 500;

interface ProjectRef {
  id: number;
  publicId: string;
  firstSeenAt: Date;
}

/** The project found first keeps its id and URL; the other's become redirects. */
function firstFound(x: ProjectRef, y: ProjectRef): boolean {
  const dx = new Date(x.firstSeenAt).getTime();
  const dy = new Date(y.firstSeenAt).getTime();
  return dx < dy || (dx === dy && x.publicId < y.publicId);
}

async function applyMerges(db: Queryable, merges: { absorbed: number; survivor: number }[]): Promise<void> {
  if (!merges.length) return;
  const json = JSON.stringify(merges);
  await db.query(MOVE_SOURCES, [json]);
  await db.query(MOVE_REDIRECTS, [json]);
  await db.query(ADD_REDIRECTS, [json]);
  await db.query(DELETE_PROJECTS, [json]);
}

/** Scores candidate pairs (scoreCandidates), on this thread or another. */
export type PairScorer = (
  rows: DedupRow[],
  touched: number[] | null,
  blocking: boolean,
) => Promise<ScoredPairs>;

/**
 * Finds duplicate candidates among the given projects (all when null), scores them, merges the
 * pairs above the high threshold and those a coordinator already merged, queues the grey zone,
 * and leaves rejected pairs alone. Decisions are keyed by public ids, so they survive rebuilds.
 * In two steps: this reads the projects and hands them to `score`; what it returns waits for the
 * scores and decides. The caller's thread is free in between when `score` runs on another one.
 */
export async function startDuplicates(
  db: Queryable,
  projectIds: number[] | null,
  blockingFrom: number,
  score: PairScorer,
): Promise<() => Promise<DuplicatesReport>> {
  const report: DuplicatesReport = { candidates: 0, merged: 0, pending: 0 };
  if (projectIds?.length === 0) return async () => report;
  // Many projects (a full run, a big import): the full run's blocking, kept to the pairs touching them.
  const blocking = projectIds === null || projectIds.length >= blockingFrom;
  let rows: DedupRow[];
  if (blocking) rows = await db.query<DedupRow>(DEDUP_ROWS_ALL);
  else {
    await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [TRIGRAM_THRESHOLD]);
    const neighbours = await db.query<{ id: number }>(DUPLICATE_NEIGHBOURS, [projectIds]);
    const ids = [...new Set([...(projectIds ?? []), ...neighbours.map((n) => n.id)])];
    rows = await db.query<DedupRow>(DEDUP_ROWS, [ids]);
  }
  const scoring = score(rows, projectIds, blocking);
  scoring.catch(() => {}); // awaited below; the caller's work meanwhile may fail first
  return async () => {
    const scored = await scoring;
    report.candidates = scored.candidates;
    await decide(
      db,
      scored.pairs.map((p) => ({ ...p, a: rows[p.a] as DedupRow, b: rows[p.b] as DedupRow })),
      report,
    );
    return report;
  };
}

/** Applies the decisions: remembered ones first, else the score's; merges each group into its first found. */
async function decide(
  db: Queryable,
  scored: { a: ProjectRef; b: ProjectRef; score: number; reasons: string[] }[],
  report: DuplicatesReport,
): Promise<void> {
  // Decisions taken earlier, on these pairs, by public ids (rows are in public id order, so a < b).
  const known = new Map(
    scored.length
      ? (
          await db.query<{ a: string; b: string; status: string }>(KNOWN_PAIRS, [
            JSON.stringify(scored.map((p) => ({ a: p.a.publicId, b: p.b.publicId }))),
          ])
        ).map((k) => [`${k.a} ${k.b}`, k.status])
      : [],
  );
  // Union-find over this run's merges; each group's root is the project found first.
  const parent = new Map<number, ProjectRef>();
  const root = (p: ProjectRef): ProjectRef => {
    let current = p;
    for (let next = parent.get(current.id); next; next = parent.get(current.id)) current = next;
    return current;
  };
  const records: {
    a: string;
    b: string;
    score: number;
    reasons: string[];
    status: string;
    decided_by: string | null;
  }[] = [];
  for (const { a, b, score, reasons } of scored) {
    const decision = known.get(`${a.publicId} ${b.publicId}`);
    if (decision === 'rejected') continue;
    const merge = decision === 'merged' || score >= AUTO_MERGE_THRESHOLD;
    records.push({
      a: a.publicId,
      b: b.publicId,
      score,
      reasons,
      status: merge ? 'merged' : 'pending',
      decided_by: merge ? 'auto' : null,
    });
    if (!merge) {
      report.pending++;
      continue;
    }
    const x = root(a);
    const y = root(b);
    if (x.id === y.id) continue;
    if (firstFound(x, y)) parent.set(y.id, x);
    else parent.set(x.id, y);
    report.merged++;
  }
  if (records.length) await db.query(UPSERT_PAIRS, [JSON.stringify(records)]);
  const merges = [...parent.keys()].map((absorbed) => ({
    absorbed,
    survivor: root(parent.get(absorbed) as ProjectRef).id,
  }));
  await applyMerges(db, merges);
  await rebuildMergedProjects(db, [...new Set(merges.map((m) => m.survivor))]);
}

export interface PendingPair {
  publicIdA: string;
  publicIdB: string;
  score: number;
  reasons: string[];
  nameA: string;
  carrierA: string | null;
  slugA: string;
  nameB: string;
  carrierB: string | null;
  slugB: string;
}

export async function listPendingDuplicates(db: Queryable, limit = 100): Promise<PendingPair[]> {
  return db.query<PendingPair>(PENDING_PAIRS, [limit]);
}

/** A coordinator's decision on a pair: merged now (and at every rebuild), or never proposed again. */
export async function decideDuplicate(
  db: Queryable,
  publicIds: [string, string],
  decision: 'merge' | 'reject',
): Promise<void> {
  const [a, b] = [...publicIds].sort() as [string, string];
  if (a === b) throw new InvalidParameterError('pair', 'a project cannot duplicate itself');
  const [x] = await db.query<ProjectRef>(PROJECT_BY_PUBLIC_ID, [a]);
  const [y] = await db.query<ProjectRef>(PROJECT_BY_PUBLIC_ID, [b]);
  if (!x || !y) throw new NotFoundError(`unknown project ${x ? b : a}`);
  await db.query(DECIDE_PAIR, [a, b, decision === 'merge' ? 'merged' : 'rejected']);
  if (decision === 'reject') return;
  const [survivor, absorbed] = firstFound(x, y) ? [x, y] : [y, x];
  await applyMerges(db, [{ absorbed: absorbed.id, survivor: survivor.id }]);
  await rebuildMergedProjects(db, [survivor.id]);
}
