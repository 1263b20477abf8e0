import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { validateSourceConfig } from '$lib/server/harvest/config/validate-source-config.ts';
import { previewConfig } from '$lib/server/harvest/run-harvest.ts';
import { presentPreview } from '$lib/server/harvest/source.presenter.ts';
import { adminRefusal } from '$lib/server/http/require-admin.ts';
import type { RequestHandler } from './$types';

const NO_STORE = { 'Cache-Control': 'no-store' };
const MAX_BODY = 256 * 1024;

/**
 * Runs a source config (the JSON body) on its first page(s) and saves nothing: for the partner
 * back office. Admin only (ADMIN_TOKEN); `?limit=` records, 1 to 50 (default 20).
 */
export const POST: RequestHandler = async ({ request, url }) => {
  const { config } = await getApp();
  const refusal = adminRefusal(config.adminToken, request);
  if (refusal) return refusal;
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? 20 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    return json(
      {
        error: {
          code: 'invalid_parameter',
          parameter: 'limit',
          message: 'limit: must be a whole number from 1 to 50',
        },
      },
      { status: 400, headers: NO_STORE },
    );
  }
  const text = await request.text();
  let body: unknown;
  try {
    if (text.length > MAX_BODY) throw new Error('too large');
    body = JSON.parse(text);
  } catch {
    return json(
      {
        error: { code: 'invalid_body', message: 'the body must be a source config in JSON (at most 256 kB)' },
      },
      { status: 400, headers: NO_STORE },
    );
  }
  const checked = validateSourceConfig(body);
  if (!checked.ok) {
    return json(
      { error: { code: 'invalid_config', message: 'the config is not valid', problems: checked.errors } },
      { status: 400, headers: NO_STORE },
    );
  }
  const preview = await previewConfig(checked.config, { harvest: config.harvest, limit });
  return json({ data: presentPreview(preview) }, { headers: NO_STORE });
};
