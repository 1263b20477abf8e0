import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../platform/db/database.ts';

/**
 * Spam resistance without a captcha service: a signed token proves the form was rendered by us
 * at least a few seconds earlier (bots post at once), a hidden "honeypot" field must stay empty,
 * and each client may send a few messages an hour.
 */
export const MIN_FILL_SECONDS = 3;
export const MAX_TOKEN_AGE_SECONDS = 24 * 3600;
export { HONEYPOT_FIELD } from '../../contact-fields.ts';

export async function instanceSecret(db: Queryable): Promise<string> {
  const [row] = await db.query<{ value: string }>(
    `INSERT INTO instance_setting (key, value) VALUES ('form_secret', to_jsonb($1::text))
     ON CONFLICT (key) DO UPDATE SET key = excluded.key
     RETURNING value #>> '{}' AS value`,
    [randomBytes(32).toString('hex')],
  );
  if (!row) throw new Error('no form secret');
  return row.value;
}

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`form:${issuedAt}`).digest('base64url');
}

export function issueFormToken(secret: string, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${sign(secret, issuedAt)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkFormToken(secret: string, token: string | null, now = Date.now()): TokenCheck {
  const [issued, signature] = (token ?? '').split('.');
  const issuedAt = Number(issued);
  if (!Number.isInteger(issuedAt) || !signature) return 'invalid';
  const expected = Buffer.from(sign(secret, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now / 1000 - issuedAt;
  if (age < MIN_FILL_SECONDS) return 'too_fast';
  if (age > MAX_TOKEN_AGE_SECONDS) return 'expired';
  return 'ok';
}

/** A small in-memory limit per client: enough against a flood, forgotten after an hour. */
export class SubmissionLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 3600_000,
  ) {}

  allow(client: string, now = Date.now()): boolean {
    const recent = (this.hits.get(client) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(client, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(client, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return true;
  }
}
