import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import { presentSearchResponse } from '$lib/server/search/search-api.presenter.ts';
import { prepareQuery, searchFacets, searchProjects } from '$lib/server/search/search-projects.ts';
import type { RequestHandler } from './$types';

/** Search published projects with facets: the same parameters as the /recherche page. */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    const prepared = await prepareQuery(db, params.q);
    const result = await searchProjects(db, params, { prepared });
    const facets = await searchFacets(db, params, { prepared });
    return cachedJson(request, presentSearchResponse(result, facets, url.origin));
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
