import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJsonOf, corsPreflight } from '$lib/server/http/api-response.ts';
import { parseFacetSearch, parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import { presentFacetSearch } from '$lib/server/search/search-api.presenter.ts';
import { cachedSearchWithFacets } from '$lib/server/search/search-with-facets.ts';
import type { RequestHandler } from './$types';

/** Search inside one facet's values (long lists: communes, partners) for the current search. */
export const GET: RequestHandler = async ({ params: path, url, request }) => {
  try {
    const within = parseFacetSearch(path.facet, url.searchParams);
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    const answer = await cachedSearchWithFacets(db, params, new Date(), within);
    return cachedJsonOf(request, answer.facets, `${url.origin} ${within.facet} ${within.limit}`, () =>
      presentFacetSearch(
        within.facet,
        within.text,
        answer.facets[within.facet].slice(0, within.limit),
        params,
        url.origin,
      ),
    );
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
