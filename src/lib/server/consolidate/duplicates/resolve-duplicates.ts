import { InvalidParameterError, NotFoundError } from '../../errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { rebuildMergedProjects } from '../consolidate-records.ts';
import {
  ADD_REDIRECT,
  DECIDE_PAIR,
  DELETE_PROJECT,
  DUPLICATE_CANDIDATES,
  KNOWN_PAIRS,
  MOVE_REDIRECTS,
  MOVE_SOURCES,
  PENDING_PAIRS,
  PROJECT_BY_PUBLIC_ID,
  UPSERT_PAIR,
} from './duplicates.queries.ts';
import { AUTO_MERGE_THRESHOLD, type PairFeatures, REVIEW_THRESHOLD, scorePair } from './score-pair.ts';

export interface DuplicatesReport {
  /** Pairs scored in this run. */
  candidates: number;
  merged: number;
  /** Pairs now waiting for review. */
  pending: number;
}

interface CandidateRow extends PairFeatures {
  a: number;
  b: number;
  publicIdA: string;
  publicIdB: string;
  firstSeenA: Date;
  firstSeenB: Date;
}

/** Name similarity at which pg_trgm proposes a pair (scorePair decides). */
const TRIGRAM_THRESHOLD = '0.5';

interface ProjectRef {
  id: number;
  publicId: string;
  firstSeenAt: Date;
}

/** The project found first keeps its id and URL; the other's become redirects. */
function survivorFirst(x: ProjectRef, y: ProjectRef): [ProjectRef, ProjectRef] {
  const dx = new Date(x.firstSeenAt).getTime();
  const dy = new Date(y.firstSeenAt).getTime();
  return dx < dy || (dx === dy && x.publicId < y.publicId) ? [x, y] : [y, x];
}

async function mergeInto(db: Queryable, survivor: number, absorbed: number): Promise<void> {
  await db.query(MOVE_SOURCES, [survivor, absorbed]);
  await db.query(MOVE_REDIRECTS, [survivor, absorbed]);
  await db.query(ADD_REDIRECT, [survivor, absorbed]);
  await db.query(DELETE_PROJECT, [absorbed]);
}

/**
 * Finds duplicate candidates among the given projects (all when null), scores them, merges the
 * pairs above the high threshold and those a coordinator already merged, queues the grey zone,
 * and leaves rejected pairs alone. Decisions are keyed by public ids, so they survive rebuilds.
 */
export async function resolveDuplicates(
  db: Queryable,
  projectIds: number[] | null,
): Promise<DuplicatesReport> {
  const report: DuplicatesReport = { candidates: 0, merged: 0, pending: 0 };
  if (projectIds && !projectIds.length) return report;
  await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [TRIGRAM_THRESHOLD]);
  const candidates = await db.query<CandidateRow>(DUPLICATE_CANDIDATES, [projectIds]);
  report.candidates = candidates.length;
  if (!candidates.length) return report;
  const known = new Map(
    (
      await db.query<{ a: string; b: string; status: string }>(KNOWN_PAIRS, [
        JSON.stringify(candidates.map((c) => ({ a: pairKey(c)[0], b: pairKey(c)[1] }))),
      ])
    ).map((k) => [`${k.a} ${k.b}`, k.status]),
  );
  // Projects absorbed during this run point to their survivor (a chain of merges).
  const absorbedInto = new Map<number, ProjectRef>();
  const resolve = (ref: ProjectRef): ProjectRef => {
    let current = ref;
    for (let next = absorbedInto.get(current.id); next; next = absorbedInto.get(current.id)) current = next;
    return current;
  };
  const survivors = new Set<number>();
  const scored = candidates
    .map((c) => ({ c, ...scorePair(c) }))
    .sort((x, y) => y.score - x.score || (pairKey(x.c).join(' ') < pairKey(y.c).join(' ') ? -1 : 1));
  for (const { c, score, reasons } of scored) {
    const [a, b] = pairKey(c);
    const decision = known.get(`${a} ${b}`);
    if (decision === 'rejected') continue;
    const merge = decision === 'merged' || score >= AUTO_MERGE_THRESHOLD;
    if (!merge && score < REVIEW_THRESHOLD) continue;
    await db.query(UPSERT_PAIR, [a, b, score, reasons, merge ? 'merged' : 'pending', merge ? 'auto' : null]);
    if (!merge) {
      report.pending++;
      continue;
    }
    const x = resolve({ id: c.a, publicId: c.publicIdA, firstSeenAt: c.firstSeenA });
    const y = resolve({ id: c.b, publicId: c.publicIdB, firstSeenAt: c.firstSeenB });
    if (x.id === y.id) continue;
    const [survivor, absorbed] = survivorFirst(x, y);
    await mergeInto(db, survivor.id, absorbed.id);
    absorbedInto.set(absorbed.id, survivor);
    survivors.add(survivor.id);
    survivors.delete(absorbed.id);
    report.merged++;
  }
  await rebuildMergedProjects(db, [...survivors]);
  return report;
}

function pairKey(c: { publicIdA: string; publicIdB: string }): [string, string] {
  return c.publicIdA < c.publicIdB ? [c.publicIdA, c.publicIdB] : [c.publicIdB, c.publicIdA];
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
  const [survivor, absorbed] = survivorFirst(x, y);
  await mergeInto(db, survivor.id, absorbed.id);
  await rebuildMergedProjects(db, [survivor.id]);
}
