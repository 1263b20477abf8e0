import { getApp } from '$lib/server/app.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getPartners } from '$lib/server/opendata/open-data.ts';
import type { RequestHandler } from './$types';

/** Active partners, their licences and public sources. */
export const GET: RequestHandler = async ({ request }) => {
  try {
    const { db } = await getApp();
    return cachedJson(request, { data: await getPartners(db) }, 600);
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
