import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { apiError, CORS_HEADERS } from '$lib/server/http/api-response.ts';
import { listUnmappedTags } from '$lib/server/taxonomy/unmapped-tags.ts';
import type { RequestHandler } from './$types';

/** Partner tags no crosswalk rule maps yet: parse → call → present. */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const source = url.searchParams.get('source')?.trim() || null;
    const { db } = await getApp();
    const tags = await listUnmappedTags(db, source);
    return json(
      { data: tags.map((t) => ({ source: t.source, tag: t.tag, count: t.count })) },
      { headers: CORS_HEADERS },
    );
  } catch (error) {
    return apiError(error);
  }
};
