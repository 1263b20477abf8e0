import { createHash, timingSafeEqual } from 'node:crypto';

export type AdminCheck = 'disabled' | 'refused' | 'allowed';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The back-office API is off (404) until ADMIN_TOKEN is configured; then it wants
 * `Authorization: Bearer <token>`. Compared in constant time (hashes of equal length).
 */
export function checkAdminToken(configured: string | undefined, authorization: string | null): AdminCheck {
  if (!configured) return 'disabled';
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return 'refused';
  return timingSafeEqual(digest(match[1].trim()), digest(configured)) ? 'allowed' : 'refused';
}
