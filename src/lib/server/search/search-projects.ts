import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from '../projects/load-project-cards.ts';
import { isDense, matchShape, type PlanShape, plannedMatches, shapeOf } from './match-shape.ts';
import { NORMALIZED_TSQUERY_SQL } from './normalized-tsquery.query.ts';
import { decodeCursor, encodeCursor, FACET_NAMES } from './parse-search-params.ts';
import type { FacetName, FacetsView, SearchHitView, SearchParams, SearchResultView } from './search.views.ts';
import { searchFacetsSql } from './search-facets.query.ts';
import { type MatchShape, searchProjectsSql } from './search-projects.query.ts';
import { SEARCH_SNIPPETS_SQL } from './search-snippets.query.ts';
import {
  allowedTypos,
  buildTsQuery,
  correctableWords,
  editDistance,
  foldWord,
  parseQueryTerms,
  type QueryTerm,
  withoutRepeatedAlternatives,
} from './search-text.ts';
import { SEARCH_WORD_COUNTS_SQL } from './search-word-counts.query.ts';
import { SEARCH_WORDS_SQL } from './search-words.query.ts';
import { STAGE_LABELS, type Stage } from './stages.ts';

/**
 * Past this many matches, counting stops and the total is estimated from the ids they span
 * (they are taken from the newest id down), relevance ranks these matches plus up to
 * NAME_CANDIDATES name matches, and facets count these matches and scale up (estimated).
 */
export const DEFAULT_COUNT_LIMIT = 300;
/** Past DEFAULT_COUNT_LIMIT matches, at most this many more name matches are ranked. */
export const NAME_CANDIDATES = 200;
const FRESH_MONTHS = 12;

export interface PreparedQuery {
  /** Text for to_tsquery('tadata_fr', …), '' when no word is searched. */
  tsquery: string;
  /** Folded words that the dictionary does not know, with their nearest known words. */
  unknown: Map<string, string[]>;
  /**
   * The normalised tsquery text for the planner's estimate of the matches (matchShape),
   * null when no word is searched: repeated alternatives left out, and each phrase its rarest
   * word (withoutRepeatedAlternatives, phraseAsRarestWord).
   */
  estimate: string | null;
  /**
   * The shares of locations in the map boxes sampled for this query's estimates (BOX_SHARE_SQL),
   * by box: a search and its facets sample the same box once.
   */
  boxShares: Map<string, Promise<number | null>>;
}

/** Parses the words, and corrects the misspelt ones against the dictionary of indexed words. */
export async function prepareQuery(db: Queryable, q: string): Promise<PreparedQuery> {
  const terms = parseQueryTerms(q);
  const words = correctableWords(terms);
  const lastTerm = terms.at(-1);
  const last = lastTerm && !lastTerm.negated && !lastTerm.phrase ? foldWord(lastTerm.words[0] ?? '') : '';
  const unknown = new Map<string, string[]>();
  const corrections = new Map<string, string[]>();
  if (last.length >= 3 && !words.includes(last)) words.push(last);
  if (words.length) {
    const rows = await db.query<{ word: string; known: boolean; near: string[]; completions: string[] }>(
      SEARCH_WORDS_SQL,
      [words, last, 8],
    );
    for (const row of rows) {
      if (row.completions.length) corrections.set(row.word, row.completions.slice(0, 5));
      if (row.known) continue;
      unknown.set(row.word, row.near);
      // The closest spellings only: "soldiaire" is "solidaire" (1 edit), not also "solaire" (2).
      const scored = row.near
        .map((n) => ({ n, d: editDistance(n, row.word) }))
        .filter((x) => x.d <= allowedTypos(row.word));
      const best = Math.min(...scored.map((x) => x.d));
      const fixes = scored
        .filter((x) => x.d === best)
        .map((x) => x.n)
        .slice(0, 3);
      if (fixes.length) corrections.set(row.word, [...(corrections.get(row.word) ?? []), ...fixes]);
    }
  }
  const tsquery = buildTsQuery(terms, { corrections });
  const estimate = tsquery ? await estimateText(db, terms, corrections) : null;
  return { tsquery, unknown, estimate, boxShares: new Map() };
}

async function estimateText(db: Queryable, terms: QueryTerm[], corrections: Map<string, string[]>) {
  const phraseWords = terms.filter((t) => t.phrase && !t.negated).flatMap((t) => t.words.map(foldWord));
  const counts = phraseWords.length
    ? await db.query<{ word: string; ndoc: number }>(SEARCH_WORD_COUNTS_SQL, [phraseWords])
    : [];
  const text = buildTsQuery(terms, {
    corrections,
    phraseAsRarestWord: new Map(counts.map((r) => [r.word, r.ndoc])),
  });
  const [row] = await db.query<{ tsquery: string }>(NORMALIZED_TSQUERY_SQL, [text]);
  return withoutRepeatedAlternatives(row?.tsquery ?? '');
}

export function territoryCodes(params: SearchParams): string[] {
  return [
    params.region && `R:${params.region}`,
    params.departement && `D:${params.departement}`,
    params.epci && `E:${params.epci}`,
    params.commune && `C:${params.commune}`,
  ].filter((c): c is string => Boolean(c));
}

/** The filter parameters $2–$13 shared by the search and facet queries. */
export function searchFilterValues(params: SearchParams, now: Date): unknown[] {
  const since = new Date(now);
  since.setMonth(since.getMonth() - FRESH_MONTHS);
  return [
    params.themes,
    params.publics,
    params.partners,
    territoryCodes(params),
    params.bbox?.west ?? null,
    params.bbox?.south ?? null,
    params.bbox?.east ?? null,
    params.bbox?.north ?? null,
    params.near?.lat ?? null,
    params.near?.lon ?? null,
    params.near?.radiusKm ?? null,
    params.fresh ? since.toISOString() : null,
  ];
}

export interface SearchOptionsArg {
  countLimit?: number;
  now?: Date;
  prepared?: PreparedQuery;
  /** Forces the plan's shape instead of choosing it from the estimates (tests compare them). */
  shape?: PlanShape;
}

export async function searchProjects(
  db: Queryable,
  params: SearchParams,
  options: SearchOptionsArg = {},
): Promise<SearchResultView> {
  return (await searchProjectsWithSample(db, params, options)).result;
}

/**
 * searchProjects, and the ids of the first countLimit matches (newest first) that it counted:
 * the facets' sample too when the search has no facet filter (null when the page asked for
 * more matches than countLimit, so that the facets' sample stays the same).
 */
export async function searchProjectsWithSample(
  db: Queryable,
  params: SearchParams,
  options: SearchOptionsArg = {},
): Promise<{ result: SearchResultView; sample: number[] | null }> {
  const countLimit = options.countLimit ?? DEFAULT_COUNT_LIMIT;
  const prepared = options.prepared ?? (await prepareQuery(db, params.q));
  const offset = params.cursor ? decodeCursor(params.cursor) : (params.page - 1) * params.perPage;
  const sort = params.sort === 'relevance' && !prepared.tsquery ? 'newest' : params.sort;
  const filters = searchFilterValues(params, options.now ?? new Date());
  const capped = Math.max(countLimit, offset + params.perPage + 1);
  const shape = options.shape ?? (await choosePlanShape(db, prepared, params, filters, capped));
  const rows = await db.query<{
    total: number;
    estimate: number | null;
    id: number | null;
    km: number | null;
    sample: number[] | null;
  }>(searchProjectsSql(shape.matches, shape.walkNameMatches), [
    prepared.tsquery,
    ...filters,
    sort,
    params.perPage,
    offset,
    capped,
    NAME_CANDIDATES,
    params.stages,
    shape.matches,
    params.methods,
    shape.walkNameMatches,
  ]);
  const estimate = rows[0]?.estimate ?? null;
  const totalExact = estimate === null;
  const counted = estimate === null ? (rows[0]?.total ?? 0) : roughly(estimate);
  const hits = rows.filter((r): r is (typeof rows)[number] & { id: number } => r.id !== null);
  const ids = hits.map((r) => r.id);
  const [cards, snippets] = await Promise.all([
    loadProjectCards(db, ids),
    prepared.tsquery && ids.length ? loadSnippets(db, prepared.tsquery, ids) : new Map<number, string>(),
  ]);
  const items: SearchHitView[] = cards.map((card, i) => {
    const hit = hits[i];
    return {
      ...card,
      snippetHtml: hit ? (snippets.get(hit.id) ?? null) : null,
      distanceKm: hit?.km != null ? Math.round(hit.km * 10) / 10 : null,
    };
  });
  const page = Math.floor(offset / params.perPage) + 1;
  const sample = capped === countLimit ? (rows[0]?.sample ?? []) : null;
  const result: SearchResultView = {
    params,
    total: counted,
    totalExact,
    totalAtLeast: rows[0]?.total ?? 0,
    page,
    perPage: params.perPage,
    pageCount: Math.max(1, Math.ceil(counted / params.perPage)),
    nextCursor: offset + params.perPage < counted ? encodeCursor(offset + params.perPage) : null,
    items,
    didYouMean: counted === 0 ? didYouMean(params.q, prepared.unknown) : null,
  };
  return { result, sample };
}

async function choosePlanShape(
  db: Queryable,
  prepared: PreparedQuery,
  params: SearchParams,
  filters: unknown[],
  capped: number,
): Promise<PlanShape> {
  const planned = await plannedMatches(db, prepared, filters, params.stages, params.methods);
  return {
    matches: shapeOf(planned, capped),
    walkNameMatches: isDense(planned.names, planned.projects, NAME_CANDIDATES),
  };
}

/** An estimate rounded to two significant digits ("environ 12 000"). */
export function roughly(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const START_MARK = String.fromCharCode(2);
const STOP_MARK = String.fromCharCode(3);

/** ts_headline marks matches with control characters; the text is escaped before they become <mark>. */
export function markSnippet(raw: string): string {
  return escapeHtml(raw).split(START_MARK).join('<mark>').split(STOP_MARK).join('</mark>');
}

async function loadSnippets(db: Queryable, tsquery: string, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; snippet: string | null }>(SEARCH_SNIPPETS_SQL, [tsquery, ids]);
  return new Map(rows.filter((r) => r.snippet).map((r) => [r.id, markSnippet(r.snippet ?? '')]));
}

/** The query with each unknown word replaced by its nearest known word (up to 3 edits). */
export function didYouMean(q: string, unknown: Map<string, string[]>): string | null {
  let changed = false;
  const fixed = q.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const folded = foldWord(word);
    const near = (unknown.get(folded) ?? [])
      .map((n, order) => ({ n, order, d: editDistance(n, folded) }))
      .filter((x) => x.d <= 3)
      .sort((a, b) => a.d - b.d || a.order - b.order)[0]?.n;
    if (!near) return word;
    changed = true;
    return near;
  });
  return changed ? fixed : null;
}

export interface FacetOptions {
  /** Search inside one facet's labels (long lists: communes, partners). */
  within?: { facet: FacetName; text: string };
  /** Values per facet, most frequent first. */
  limit?: number;
  /** Matches counted at most (see DEFAULT_COUNT_LIMIT). */
  countLimit?: number;
  now?: Date;
  prepared?: PreparedQuery;
  /**
   * The search's sample (searchProjectsWithSample, same countLimit and now): when the search
   * has no facet filter, the facets count these matches instead of finding them again.
   */
  sample?: number[] | null;
  /** Forces how the matches are found instead of choosing it (tests compare the shapes). */
  shape?: MatchShape;
}

/** Whether a search filters on a facet (its facets then count other matches than it does). */
export function hasFacetFilter(params: SearchParams): boolean {
  return (
    params.themes.length > 0 ||
    params.publics.length > 0 ||
    params.partners.length > 0 ||
    params.stages.length > 0 ||
    params.methods.length > 0 ||
    territoryCodes(params).length > 0
  );
}

/** Disjunctive facet counts for the current search. */
export async function searchFacets(
  db: Queryable,
  params: SearchParams,
  options: FacetOptions = {},
): Promise<FacetsView> {
  return (await searchFacetCounts(db, params, options)).facets;
}

export interface FacetCounts {
  facets: FacetsView;
  /**
   * False when the counts are estimated from a sample of the matches (see DEFAULT_COUNT_LIMIT).
   * The facets' matches leave out the facets' own filters, so they can be estimated when the
   * search's total is exact (a broad word in a small région).
   */
  exact: boolean;
}

/** Disjunctive facet counts for the current search, and whether they are exact. */
export async function searchFacetCounts(
  db: Queryable,
  params: SearchParams,
  options: FacetOptions = {},
): Promise<FacetCounts> {
  const prepared = options.prepared ?? (await prepareQuery(db, params.q));
  const countLimit = options.countLimit ?? DEFAULT_COUNT_LIMIT;
  const filters = searchFilterValues(params, options.now ?? new Date());
  // The facets' sample leaves out the filters that facets count (theme, public, partner,
  // territory, stage, method): its density is that of the words, box, radius and freshness.
  const [, , , , ...geoAndFreshness] = filters;
  const sample = options.sample && !hasFacetFilter(params) ? options.sample : null;
  // With a sample, no branch finds matches: any shape does.
  const shape =
    options.shape ??
    (sample
      ? 'collect'
      : await matchShape(db, prepared, [[], [], [], [], ...geoAndFreshness], [], [], countLimit));
  const rows = await db.query<{
    facet: FacetName;
    code: string;
    label: string;
    count: number;
    exact: boolean;
  }>(searchFacetsSql(shape), [
    prepared.tsquery,
    ...filters,
    params.region,
    params.departement,
    params.epci,
    options.within?.facet ?? null,
    options.within ? options.within.text.replace(/[%_\\]/g, '') : null,
    options.limit ?? 50,
    countLimit,
    params.stages,
    shape,
    params.methods,
    sample,
  ]);
  const selected: Record<FacetName, string[]> = {
    theme: params.themes,
    subtheme: params.themes,
    public: params.publics,
    partner: params.partners,
    stage: params.stages,
    method: params.methods,
    region: params.region ? [params.region] : [],
    departement: params.departement ? [params.departement] : [],
    epci: params.epci ? [params.epci] : [],
    commune: params.commune ? [params.commune] : [],
  };
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as FacetsView;
  for (const row of rows) {
    facets[row.facet]?.push({
      code: row.code,
      label: row.facet === 'stage' ? (STAGE_LABELS[row.code as Stage] ?? row.code) : row.label,
      count: row.count,
      selected: selected[row.facet].includes(row.code),
    });
  }
  return { facets, exact: rows.every((row) => row.exact) };
}
