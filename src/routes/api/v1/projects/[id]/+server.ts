import { getApp } from '$lib/server/app.ts';
import { NotFoundError } from '$lib/server/errors.ts';
import { apiError, cachedJson, corsPreflight } from '$lib/server/http/api-response.ts';
import { getProjectPage } from '$lib/server/projects/get-project-page.ts';
import type { RequestHandler } from './$types';

/** One published project by its slug. */
export const GET: RequestHandler = async ({ params, request }) => {
  try {
    const { db } = await getApp();
    const project = await getProjectPage(db, params.id);
    if (!project) throw new NotFoundError(`no published project "${params.id}"`);
    return cachedJson(request, { data: project });
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS: RequestHandler = () => corsPreflight();
