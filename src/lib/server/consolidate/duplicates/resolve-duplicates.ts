import { InvalidParameterError, NotFoundError } from '../../errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { normalizeKey } from '../../text/normalize-key.ts';
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
import {
  AUTO_MERGE_THRESHOLD,
  type PairFeatures,
  presentationMatters,
  REVIEW_THRESHOLD,
  scorePair,
} from './score-pair.ts';
import { similarity, type Trigrams, trigrams } from './trigram.ts';

export interface DuplicatesReport {
  /** Pairs scored in this run. */
  candidates: number;
  merged: number;
  /** Pairs now waiting for review. */
  pending: number;
}

interface DedupRow {
  id: number;
  publicId: string;
  firstSeenAt: Date;
  nameKey: string;
  carrierKey: string;
  websiteDomain: string | null;
  summary: string | null;
  departements: string[];
  communes: string[];
  sourceUrls: string[];
}

/** A row ready to compare: names and carriers as trigram sets. */
interface Prepared extends Omit<DedupRow, 'sourceUrls'> {
  name: Trigrams;
  carrier: Trigrams;
  /** The presentation's trigrams, made the first time a pair needs them (few pairs do). */
  text?: Trigrams | null;
  /** Partner page URLs with their source: "sourceId url". */
  urls: Map<string, string>;
}

/** Name similarity at which pg_trgm proposes a neighbour in an incremental run. */
const TRIGRAM_THRESHOLD = '0.5';
/** Blocks larger than this say little (a common word, a national network): pairs come from other keys. */
const MAX_BLOCK = 60;
/**
 * From this many projects to check, the full run's blocking over every project replaces the index
 * lookups of their neighbours and the comparison of each with all of them, which grow with the
 * product of both (a first import of 30,000 records had not finished after 20 minutes on PostgreSQL).
 */
export const BLOCKING_FROM = 500;

/** Each value once, sorted: the same row whichever query read it. */
const distinct = (values: string[]) => [...new Set(values)].sort();

function prepare(row: DedupRow): Prepared {
  const { sourceUrls, ...rest } = row;
  return {
    ...rest,
    departements: distinct(row.departements),
    communes: distinct(row.communes),
    name: trigrams(row.nameKey),
    carrier: trigrams(row.carrierKey),
    urls: new Map(
      distinct(sourceUrls).map((s) => {
        const space = s.indexOf(' ');
        return [s.slice(space + 1), s.slice(0, space)];
      }),
    ),
  };
}

function features(a: Prepared, b: Prepared): PairFeatures {
  let sameSourceUrl = false;
  for (const [url, source] of a.urls) {
    const other = b.urls.get(url);
    if (other !== undefined && other !== source) sameSourceUrl = true;
  }
  const f: PairFeatures = {
    nameSimilarity: a.nameKey === b.nameKey ? 1 : similarity(a.name, b.name),
    carrierSimilarity: a.carrierKey && b.carrierKey ? similarity(a.carrier, b.carrier) : null,
    summarySimilarity: null,
    sameWebsiteDomain: a.websiteDomain !== null && a.websiteDomain === b.websiteDomain,
    sameSourceUrl,
    sameCommune: a.communes.some((c) => b.communes.includes(c)),
    sameDepartement: a.departements.some((d) => b.departements.includes(d)),
  };
  if (presentationMatters(f)) {
    const x = textOf(a);
    const y = textOf(b);
    f.summarySimilarity = x && y ? similarity(x, y) : null;
  }
  return f;
}

function textOf(p: Prepared): Trigrams | null {
  if (p.text === undefined) p.text = p.summary ? trigrams(normalizeKey(p.summary)) : null;
  return p.text;
}

/**
 * Blocking for a full run: projects are compared only within a block sharing the same name in a
 * département, the same carrier, website, partner page, or one of the two rarest words of the
 * name in a département; everything is compared in memory.
 */
function candidatePairs(rows: Prepared[]): [number, number][] {
  const frequency = new Map<string, number>();
  for (const r of rows)
    for (const w of new Set(r.nameKey.split(' '))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const blocks = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const block = blocks.get(key);
    if (block) block.push(index);
    else blocks.set(key, [index]);
  };
  rows.forEach((r, i) => {
    if (r.carrierKey) add(`c ${r.carrierKey}`, i);
    if (r.websiteDomain) add(`w ${r.websiteDomain}`, i);
    for (const url of r.urls.keys()) add(`u ${url}`, i);
    const rare = [...new Set(r.nameKey.split(' '))]
      .filter((w) => w.length >= 3)
      .sort((x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || (x < y ? -1 : 1))
      .slice(0, 2);
    const places = r.departements.length ? r.departements : ['?'];
    for (const d of places) {
      add(`n ${d} ${r.nameKey}`, i);
      for (const w of rare) add(`t ${d} ${w}`, i);
    }
  });
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = Math.min(block[x] as number, block[y] as number);
        const j = Math.max(block[x] as number, block[y] as number);
        const key = i * rows.length + j;
        if (pairs.has(key)) continue;
        pairs.add(key);
        out.push([i, j]);
      }
    }
  }
  return out;
}

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

/**
 * Finds duplicate candidates among the given projects (all when null), scores them, merges the
 * pairs above the high threshold and those a coordinator already merged, queues the grey zone,
 * and leaves rejected pairs alone. Decisions are keyed by public ids, so they survive rebuilds.
 */
export async function resolveDuplicates(
  db: Queryable,
  projectIds: number[] | null,
  blockingFrom = BLOCKING_FROM,
): Promise<DuplicatesReport> {
  const report: DuplicatesReport = { candidates: 0, merged: 0, pending: 0 };
  let rows: Prepared[];
  let pairs: [number, number][];
  if (projectIds === null || projectIds.length >= blockingFrom) {
    rows = (await db.query<DedupRow>(DEDUP_ROWS_ALL)).map(prepare);
    pairs = candidatePairs(rows);
    if (projectIds !== null) {
      // Many projects (a big import): the full run's blocking, kept to the pairs touching them.
      const touched = new Set(projectIds);
      pairs = pairs.filter(
        ([i, j]) => touched.has((rows[i] as Prepared).id) || touched.has((rows[j] as Prepared).id),
      );
    }
  } else {
    if (!projectIds.length) return report;
    await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [TRIGRAM_THRESHOLD]);
    const neighbours = await db.query<{ id: number }>(DUPLICATE_NEIGHBOURS, [projectIds]);
    const ids = [...new Set([...projectIds, ...neighbours.map((n) => n.id)])];
    rows = (await db.query<DedupRow>(DEDUP_ROWS, [ids])).map(prepare);
    const touched = new Set(projectIds);
    pairs = [];
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        if (touched.has((rows[i] as Prepared).id) || touched.has((rows[j] as Prepared).id))
          pairs.push([i, j]);
      }
    }
  }
  // Only the pairs worth keeping become objects (a full run scores hundreds of thousands).
  const kept: { a: Prepared; b: Prepared; score: number; reasons: string[] }[] = [];
  for (const [i, j] of pairs) {
    const a = rows[i] as Prepared;
    const b = rows[j] as Prepared;
    const { score, reasons } = scorePair(features(a, b));
    if (score >= REVIEW_THRESHOLD) kept.push({ a, b, score, reasons });
  }
  const scored = kept.sort(
    (x, y) => y.score - x.score || (x.a.publicId + x.b.publicId < y.a.publicId + y.b.publicId ? -1 : 1),
  );
  report.candidates = pairs.length;
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
  const parent = new Map<number, Prepared>();
  const root = (p: Prepared): Prepared => {
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
    survivor: root(parent.get(absorbed) as Prepared).id,
  }));
  await applyMerges(db, merges);
  await rebuildMergedProjects(db, [...new Set(merges.map((m) => m.survivor))]);
  return report;
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
