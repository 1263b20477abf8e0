import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getStatistics, parseStatisticDimensions } from '$lib/server/opendata/open-data.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import type { RequestHandler } from './$types';

/** Counts for charts: by=theme,region|departement,partner,month, for any search. */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const by = parseStatisticDimensions(url.searchParams.get('by'));
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    return cachedJson(request, { data: await getStatistics(db, params, by), meta: { by } }, 300);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
