import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { apiError, CORS_HEADERS } from '$lib/server/http/api-response.ts';
import { getProjectPage } from '$lib/server/projects/get-project-page.ts';
import type { RequestHandler } from './$types';

/** One published project by its slug. */
export const GET: RequestHandler = async ({ params }) => {
  try {
    const { db } = await getApp();
    const project = await getProjectPage(db, params.id);
    if (!project) throw new NotFoundError(`no published project "${params.id}"`);
    return json({ data: project }, { headers: { ...CORS_HEADERS, 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    return apiError(error);
  }
};
