import { normalizeKey } from '../../text/normalize-key.ts';
import { type PairFeatures, presentationMatters, REVIEW_THRESHOLD, scorePair } from './score-pair.ts';
import { similarity, type Trigrams, trigrams } from './trigram.ts';

/** A published project as duplicate detection reads it (DEDUP_ROWS, DEDUP_ROWS_ALL). */
export interface DedupRow {
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

/** Blocks larger than this say little (a common word, a national network): pairs come from other keys. */
const MAX_BLOCK = 60;
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

/** A pair worth keeping (at least REVIEW_THRESHOLD), by the rows' indexes (a < b). */
export interface ScoredPair {
  a: number;
  b: number;
  score: number;
  reasons: string[];
}

export interface ScoredPairs {
  /** Pairs scored. */
  candidates: number;
  /** Best first, then by public ids: the same order on every run. */
  pairs: ScoredPair[];
}

/**
 * Scores the candidate pairs among rows (in public id order) that involve a touched project (any
 * project when `touched` is null): through the full run's blocking (`blocking`), or every pair
 * otherwise (an incremental run's few projects and their neighbours). No database: any thread
 * can run it.
 */
export function scoreCandidates(
  rows: readonly DedupRow[],
  touched: readonly number[] | null,
  blocking: boolean,
): ScoredPairs {
  const prepared = rows.map(prepare);
  const isTouched = touched ? new Set(touched) : null;
  const involves = ([i, j]: [number, number]) =>
    !isTouched || isTouched.has((prepared[i] as Prepared).id) || isTouched.has((prepared[j] as Prepared).id);
  let pairs: [number, number][];
  if (blocking) pairs = candidatePairs(prepared).filter(involves);
  else {
    pairs = [];
    for (let i = 0; i < prepared.length; i++)
      for (let j = i + 1; j < prepared.length; j++) if (involves([i, j])) pairs.push([i, j]);
  }
  // Only the pairs worth keeping become objects (a full run scores hundreds of thousands).
  const kept: ScoredPair[] = [];
  for (const [a, b] of pairs) {
    const { score, reasons } = scorePair(features(prepared[a] as Prepared, prepared[b] as Prepared));
    if (score >= REVIEW_THRESHOLD) kept.push({ a, b, score, reasons });
  }
  const ids = (p: ScoredPair) => (rows[p.a] as DedupRow).publicId + (rows[p.b] as DedupRow).publicId;
  return {
    candidates: pairs.length,
    pairs: kept.sort((x, y) => y.score - x.score || (ids(x) < ids(y) ? -1 : 1)),
  };
}
