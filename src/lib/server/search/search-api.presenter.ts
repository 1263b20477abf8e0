import { searchParamsToQuery } from './parse-search-params.ts';
import type {
  FacetName,
  FacetsView,
  FacetValueView,
  SearchParams,
  SearchResultView,
} from './search.views.ts';

/** The public shape of /api/v1/projects: results, counts, facets and links. */
export function presentSearchResponse(
  result: SearchResultView,
  facets: FacetsView,
  facetsExact: boolean,
  origin: string,
) {
  const { params } = result;
  const link = (overrides: Parameters<typeof searchParamsToQuery>[1]) =>
    `${origin}/api/v1/projects${searchParamsToQuery(params, overrides)}`;
  return {
    data: result.items,
    meta: {
      /** The number of matches; when totalExact is false, a lower bound (counting stopped). */
      total: result.totalExact ? result.total : result.totalAtLeast,
      /** False when counting stopped past a threshold (very broad searches). */
      totalExact: result.totalExact,
      /** True when counting stopped: totalEstimate then estimates the number of matches. */
      totalIsEstimate: !result.totalExact,
      /** Past the threshold, the estimated number of matches (2 significant digits), else null. */
      totalEstimate: result.totalExact ? null : result.total,
      page: result.page,
      perPage: result.perPage,
      pageCount: result.pageCount,
      nextCursor: result.nextCursor,
      didYouMean: result.didYouMean,
      /**
       * False when the facet counts are estimated from a sample: facets count the matches
       * without the facets' own filters, so they can be estimated when the total is exact.
       */
      facetsExact,
      facets,
    },
    links: {
      self: link({}),
      next: result.nextCursor ? link({ cursor: result.nextCursor, page: 1 }) : null,
      nextPage: result.page < result.pageCount ? link({ page: result.page + 1, cursor: null }) : null,
      prev: result.page > 1 ? link({ page: result.page - 1, cursor: null }) : null,
      html: `${origin}/recherche${searchParamsToQuery(params, { cursor: null })}`,
      csv: `${origin}/api/v1/projects.csv${searchParamsToQuery(params, { cursor: null, page: 1 })}`,
    },
  };
}

export type SearchResponse = ReturnType<typeof presentSearchResponse>;

/** The public shape of /api/v1/projects/facets/{facet}: the values of one facet matching facet_q. */
export function presentFacetSearch(
  facet: FacetName,
  text: string,
  values: FacetValueView[],
  params: SearchParams,
  origin: string,
) {
  return {
    data: values,
    meta: { facet, facetQ: text, count: values.length },
    links: { search: `${origin}/api/v1/projects${searchParamsToQuery(params, { page: 1, cursor: null })}` },
  };
}
