import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app.ts';
import {
  decideDuplicate,
  listPendingDuplicates,
} from '$lib/server/consolidate/duplicates/resolve-duplicates.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { apiError } from '$lib/server/http/api-response.ts';
import { readJsonBody } from '$lib/server/http/read-json-body.ts';
import { adminRefusal } from '$lib/server/http/require-admin.ts';
import type { RequestHandler } from './$types';

// The review queue names projects that are not public (excluded or suspended partners' items):
// coordinators only, like the rest of the back office.
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The duplicate review queue, best score first: authorize → parse → call → present. */
export const GET: RequestHandler = async ({ url, request }) => {
  const { db, config } = await getApp();
  const refusal = adminRefusal(config.adminToken, request);
  if (refusal) return refusal;
  try {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new InvalidParameterError('limit', 'must be an integer from 1 to 1000');
    }
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
      { headers: NO_STORE },
    );
  } catch (error) {
    return apiError(error);
  }
};

const decisionBody = z.object({
  projects: z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]),
  decision: z.enum(['merge', 'reject']),
});

/**
 * A coordinator's decision on a pair, as `tadata duplicates merge|reject`: merged now and at
 * every rebuild (the absorbed project's address redirects), or never proposed again.
 * Body: { "projects": ["<public id>", "<public id>"], "decision": "merge" | "reject" }.
 */
export const POST: RequestHandler = async ({ request }) => {
  const { db, config } = await getApp();
  const refusal = adminRefusal(config.adminToken, request);
  if (refusal) return refusal;
  try {
    const { projects, decision } = await readJsonBody(
      request,
      decisionBody,
      '{"projects": [id, id], "decision": "merge"|"reject"}',
    );
    await db.transaction((tx) => decideDuplicate(tx, projects, decision));
    return json({ data: { decision, projects } }, { headers: NO_STORE });
  } catch (error) {
    return apiError(error);
  }
};
