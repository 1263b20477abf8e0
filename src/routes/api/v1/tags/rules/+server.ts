import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app.ts';
import { changeTagRule, type TagRuleChange } from '$lib/server/consolidate/change-tag-rule.ts';
import { apiError } from '$lib/server/http/api-response.ts';
import { readJsonBody } from '$lib/server/http/read-json-body.ts';
import { adminRefusal } from '$lib/server/http/require-admin.ts';
import type { RequestHandler } from './$types';

const NO_STORE = { 'Cache-Control': 'no-store' };

const ruleBody = z.object({
  partner: z.string('a partner slug').min(1, 'a partner slug').max(100),
  tag: z.string('the tag, as the partner writes it').min(1, 'the tag, as the partner writes it').max(300),
  codes: z.array(z.string().max(10), 'a list of 2018 codes').min(1, 'at least one code').max(20).nullable(),
});

async function readChange(request: Request): Promise<TagRuleChange> {
  const body = await readJsonBody(
    request,
    ruleBody,
    '{"partner": slug, "tag": text, "codes": [code…] | null}',
  );
  return { partnerSlug: body.partner, tag: body.tag, codes: body.codes };
}

/**
 * A coordinator maps a partner's tag, as `tadata tags map|unmap`: authorize → parse → call →
 * present. Body: { "partner": "<slug>", "tag": "<tag>", "codes": ["DRO"] } (codes null removes
 * the coordinator's rule). The partner's records are re-read in the same transaction.
 */
export const POST: RequestHandler = async ({ request }) => {
  const { db, config } = await getApp();
  const refusal = adminRefusal(config.adminToken, request);
  if (refusal) return refusal;
  try {
    const change = await readChange(request);
    const { saved, consolidation } = await db.transaction((tx) => changeTagRule(tx, change));
    return json(
      {
        data: {
          partner: change.partnerSlug,
          tag: saved?.tag ?? change.tag,
          codes: saved?.codes ?? null,
          replaced: saved?.replaced ?? null,
          recordsReread: consolidation?.records ?? 0,
          projectsUpdated: consolidation?.updated ?? 0,
        },
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    return apiError(error);
  }
};
