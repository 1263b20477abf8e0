import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getTaxonomy } from '$lib/server/opendata/open-data.ts';
import type { RequestHandler } from './$types';

/** Themes, sub-themes, publics and methods, with published project counts. */
export const GET: RequestHandler = async ({ request }) => {
  try {
    const { db } = await getApp();
    return cachedJson(request, { data: await getTaxonomy(db) }, 3600);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
