import { fail } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locale.ts';
import { messages } from '../i18n/messages.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { MessageKind } from './contact-message.ts';
import { SubmissionLimiter } from './form-guard.ts';
import { submitContactForm } from './submit-form.ts';

const limiter = new SubmissionLimiter();

/** The SvelteKit form action shared by the contact and partner forms: parse → call → present. */
export async function handleContactAction(
  db: Queryable,
  request: Request,
  client: string,
  kind: MessageKind,
  locale: Locale,
) {
  const t = messages(locale).form;
  const form = await request.formData();
  const fields = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const chosen = kind === 'contact' && fields.sujet === 'erreur' ? 'error_report' : kind;
  const result = await submitContactForm(db, { kind: chosen, fields, client, limiter });
  if (result.ok) return { sent: true };
  return fail(result.reason === 'invalid' ? 400 : 429, {
    message: t.reasons[result.reason],
    errors:
      result.reason === 'invalid'
        ? Object.fromEntries(
            Object.entries(result.errors).map(([field, code]) => [
              field,
              t.fieldErrors[code] ?? t.fieldErrors.invalid ?? code,
            ]),
          )
        : {},
    values: result.values,
    // A checked token stays valid: correcting a field must not restart the "too fast" clock.
    token: result.reason === 'invalid' ? fields.token : undefined,
  });
}
