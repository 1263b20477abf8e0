import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { presentSource } from '$lib/server/harvest/source.presenter.ts';
import { listSources } from '$lib/server/harvest/source-configs.ts';
import { CORS_HEADERS } from '$lib/server/http/api-response.ts';
import type { RequestHandler } from './$types';

/** Every harvested source with its partner, last successful run and health (public information). */
export const GET: RequestHandler = async () => {
  const { db } = await getApp();
  const sources = await listSources(db);
  return json(
    { data: sources.map(presentSource) },
    { headers: { ...CORS_HEADERS, 'Cache-Control': 'public, max-age=60' } },
  );
};
