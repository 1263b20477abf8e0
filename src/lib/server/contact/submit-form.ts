import type { Queryable } from '../platform/db/database.ts';
import {
  type ContactMessageInput,
  contactMessageSchema,
  type MessageKind,
  saveContactMessage,
} from './contact-message.ts';
import { checkFormToken, HONEYPOT_FIELD, instanceSecret, type SubmissionLimiter } from './form-guard.ts';

export type SubmitResult =
  | { ok: true; id: number }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; values: Record<string, string> }
  | { ok: false; reason: 'spam' | 'too_fast' | 'expired' | 'rate_limited'; values: Record<string, string> };

const FIELDS = ['name', 'email', 'organisation', 'website', 'subject', 'message', 'projectSlug'] as const;

/**
 * A public form's submission: spam checks first, then validation, then the message is stored.
 * Takes the form's fields as plain strings so that it knows nothing of HTTP.
 */
export async function submitContactForm(
  db: Queryable,
  input: {
    kind: MessageKind;
    fields: Record<string, string>;
    client: string;
    limiter: SubmissionLimiter;
    now?: number;
  },
): Promise<SubmitResult> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, input.fields[f] ?? '']));
  if ((input.fields[HONEYPOT_FIELD] ?? '') !== '') return { ok: false, reason: 'spam', values };
  const token = checkFormToken(await instanceSecret(db), input.fields.token ?? null, input.now);
  if (token === 'invalid') return { ok: false, reason: 'spam', values };
  if (token !== 'ok') return { ok: false, reason: token, values };
  const parsed = contactMessageSchema.safeParse({
    kind: input.kind,
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'message');
      errors[field] ??= issue.message;
    }
    return { ok: false, reason: 'invalid', errors, values };
  }
  if (!input.limiter.allow(input.client, input.now)) return { ok: false, reason: 'rate_limited', values };
  const message: ContactMessageInput = parsed.data;
  return { ok: true, id: await saveContactMessage(db, message) };
}
