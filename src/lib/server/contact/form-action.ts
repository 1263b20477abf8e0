import { fail } from '@sveltejs/kit';
import type { Queryable } from '../platform/db/database.ts';
import type { MessageKind } from './contact-message.ts';
import { SubmissionLimiter } from './form-guard.ts';
import { submitContactForm } from './submit-form.ts';

const limiter = new SubmissionLimiter();

const REASONS = {
  spam: 'Votre message n’a pas pu être envoyé. Rechargez la page et réessayez.',
  too_fast: 'Le formulaire a été envoyé trop vite. Relisez-le, puis envoyez-le à nouveau.',
  expired: 'Le formulaire a expiré. Rechargez la page et réessayez.',
  rate_limited: 'Vous avez envoyé plusieurs messages récemment. Réessayez dans une heure.',
  invalid: 'Certains champs sont à corriger.',
} as const;

/** The SvelteKit form action shared by the contact and partner forms: parse → call → present. */
export async function handleContactAction(
  db: Queryable,
  request: Request,
  client: string,
  kind: MessageKind,
) {
  const form = await request.formData();
  const fields = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const chosen = kind === 'contact' && fields.sujet === 'erreur' ? 'error_report' : kind;
  const result = await submitContactForm(db, { kind: chosen, fields, client, limiter });
  if (result.ok) return { sent: true };
  return fail(result.reason === 'invalid' ? 400 : 429, {
    message: REASONS[result.reason],
    errors: result.reason === 'invalid' ? result.errors : {},
    values: result.values,
    // A checked token stays valid: correcting a field must not restart the "too fast" clock.
    token: result.reason === 'invalid' ? fields.token : undefined,
  });
}
