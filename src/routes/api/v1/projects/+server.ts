import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJsonOf, corsPreflight } from '$lib/server/http/api-response.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import { presentSearchResponse } from '$lib/server/search/search-api.presenter.ts';
import { cachedSearchWithFacets } from '$lib/server/search/search-with-facets.ts';
import type { RequestHandler } from './$types';

/** Search published projects with facets: the same parameters as the /recherche page. */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    const answer = await cachedSearchWithFacets(db, params);
    return cachedJsonOf(request, answer, url.origin, () =>
      presentSearchResponse(answer.result, answer.facets, answer.facetsExact, url.origin),
    );
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
