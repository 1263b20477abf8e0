import { getApp } from '$lib/server/app.ts';
import { searchFeed } from '$lib/server/feeds/search-feed.ts';
import { apiError, CORS_HEADERS } from '$lib/server/http/api-response.ts';
import { pageLocale } from '$lib/server/i18n/messages.ts';
import { parseSearchParams } from '$lib/server/search/parse-search-params.ts';
import type { RequestHandler } from './$types';

/** The Atom feed of the newest projects of a search (the same parameters as /recherche). */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const { db, config } = await getApp();
    const xml = await searchFeed(db, params, { publicUrl: config.publicUrl, locale: pageLocale(url) });
    return new Response(xml, {
      headers: {
        ...CORS_HEADERS,
        'Content-Type': 'application/atom+xml; charset=utf-8',
        'Cache-Control': 'public, max-age=600',
      },
    });
  } catch (error) {
    return apiError(error);
  }
};
