import { json } from '@sveltejs/kit';
import { checkAdminToken } from './admin-token.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The answer to a back-office request that may not go on: 404 while no ADMIN_TOKEN is configured
 * (the back office does not exist), 401 without the right bearer token; null when allowed.
 */
export function adminRefusal(configured: string | undefined, request: Request): Response | null {
  const access = checkAdminToken(configured, request.headers.get('authorization'));
  if (access === 'disabled') {
    return json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404, headers: NO_STORE });
  }
  if (access === 'refused') {
    return json(
      {
        error: { code: 'unauthorized', message: 'a valid admin token is required (Authorization: Bearer …)' },
      },
      { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer' } },
    );
  }
  return null;
}
