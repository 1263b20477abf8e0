import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getTerritories, parseTerritoryLevel } from '$lib/server/opendata/open-data.ts';
import type { RequestHandler } from './$types';

/** Régions, départements, EPCI or communes (level), within a parent, by name (q). */
export const GET: RequestHandler = async ({ url, request }) => {
  try {
    const level = parseTerritoryLevel(url.searchParams.get('level'));
    const { db } = await getApp();
    const data = await getTerritories(db, {
      level,
      parent: url.searchParams.get('parent')?.toUpperCase() || null,
      q: url.searchParams.get('q')?.slice(0, 100) || null,
    });
    return cachedJson(request, { data }, 3600);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
