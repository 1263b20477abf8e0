import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { getMapPoints } from '$lib/server/explore/map-points.ts';
import { apiError } from '$lib/server/http/api-response.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import type { RequestHandler } from './$types';

/** Every located project of a search (the /recherche parameters), for the map. */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const { db } = await getApp();
    return json(await getMapPoints(db, params), { headers: { 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    return apiError(error);
  }
};
