import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { parseSuggestParams } from '$lib/server/search/parse-search-params.ts';
import { suggest } from '$lib/server/search/suggest.ts';
import type { RequestHandler } from './$types';

/** Suggestions as you type: projects, themes, places. */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const { q, limit, lang } = parseSuggestParams(url.searchParams);
    const { db } = await getApp();
    return cachedJson(request, { data: await suggest(db, q, limit, lang) }, 300);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
