import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { listPendingDuplicates } from '$lib/server/consolidate/duplicates/resolve-duplicates.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { apiError, CORS_HEADERS } from '$lib/server/http/api-response.ts';
import type { RequestHandler } from './$types';

/** The duplicate review queue, best score first: parse → call → present. */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new InvalidParameterError('limit', 'must be an integer from 1 to 1000');
    }
    const { db } = await getApp();
    const pairs = await listPendingDuplicates(db, limit);
    return json(
      {
        data: pairs.map((p) => ({
          score: p.score,
          reasons: p.reasons,
          projects: [
            { id: p.publicIdA, name: p.nameA, carrier: p.carrierA, path: `/projets/${p.slugA}` },
            { id: p.publicIdB, name: p.nameB, carrier: p.carrierB, path: `/projets/${p.slugB}` },
          ],
        })),
      },
      { headers: CORS_HEADERS },
    );
  } catch (error) {
    return apiError(error);
  }
};
