import type { Queryable } from '../platform/db/database.ts';
import { type FacetSearch, searchParamsToQuery } from './parse-search-params.ts';
import type { FacetsView, SearchParams, SearchResultView } from './search.views.ts';
import { SEARCH_DATA_VERSION_SQL } from './search-data-version.query.ts';
import { prepareQuery, searchFacetCounts, searchProjectsWithSample } from './search-projects.ts';

export interface SearchWithFacets {
  result: SearchResultView;
  facets: FacetsView;
  /** False when the facet counts are estimated from a sample (very broad searches). */
  facetsExact: boolean;
}

/** A page of results with its total and every facet count: what /recherche and the API show. */
export async function searchWithFacets(
  db: Queryable,
  params: SearchParams,
  now = new Date(),
  within: FacetSearch | null = null,
): Promise<SearchWithFacets> {
  const prepared = await prepareQuery(db, params.q);
  const { result, sample } = await searchProjectsWithSample(db, params, { prepared, now });
  const counts = within
    ? await searchFacetCounts(db, params, { prepared, now, sample, within, limit: within.limit })
    : await searchFacetCounts(db, params, { prepared, now, sample });
  return { result, facets: counts.facets, facetsExact: counts.exact };
}

/** Answers kept per database; the oldest go first. */
const MAX_ENTRIES = 1000;
/** Labels of themes and territories and the freshness window change without a data version. */
const TTL_MS = 10 * 60_000;

interface Entry {
  expires: number;
  value: Promise<SearchWithFacets>;
}
const caches = new WeakMap<Queryable, Map<string, Entry>>();

export async function readSearchDataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>(SEARCH_DATA_VERSION_SQL);
  return row?.version ?? '0';
}

/**
 * searchWithFacets behind a result cache keyed by the normalised parameters and the data
 * version, which every write to projects changes: an import or a consolidation can never leave
 * a stale answer behind. Concurrent identical searches share one computation.
 */
export async function cachedSearchWithFacets(
  db: Queryable,
  params: SearchParams,
  now = new Date(),
  within: FacetSearch | null = null,
): Promise<SearchWithFacets> {
  const version = await readSearchDataVersion(db);
  const key = [
    version,
    searchParamsToQuery(params),
    params.fresh ? now.toISOString().slice(0, 10) : '',
    within ? `${within.facet}:${within.text}` : '',
  ].join(' ');
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.expires > now.getTime()) return hit.value;
  const value = searchWithFacets(db, params, now, within);
  cache.delete(key);
  cache.set(key, { expires: now.getTime() + TTL_MS, value });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  // A failure is not remembered: the next request tries again.
  value.catch(() => cache.delete(key));
  return value;
}
