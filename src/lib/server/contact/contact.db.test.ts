import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { listContactMessages } from './contact-message.ts';
import { handleContactAction } from './form-action.ts';
import { HONEYPOT_FIELD, instanceSecret, issueFormToken, SubmissionLimiter } from './form-guard.ts';
import { submitContactForm } from './submit-form.ts';

describe('public forms', () => {
  let db: Database;
  let token: string;
  const rendered = Date.parse('2026-11-25T10:00:00Z');
  const later = rendered + 60_000;
  const fields = {
    name: 'Camille Martin',
    email: 'Camille@Exemple.org',
    message: 'Le projet a changé d’adresse, il est maintenant à Lyon.',
  };

  beforeAll(async () => {
    db = await openDemoDatabase();
    token = issueFormToken(await instanceSecret(db), rendered);
  });
  afterAll(() => db.close());

  it('stores a valid message, linked to its project', async () => {
    const [project] = await db.query<{ slug: string }>(
      `SELECT slug FROM project WHERE name = 'La Cravate Solidaire'`,
    );
    const result = await submitContactForm(db, {
      kind: 'error_report',
      fields: { ...fields, token, projectSlug: project?.slug ?? '', [HONEYPOT_FIELD]: '' },
      client: 'a',
      limiter: new SubmissionLimiter(),
      now: later,
    });
    expect(result.ok).toBe(true);
    const [stored] = await listContactMessages(db);
    expect(stored).toMatchObject({
      kind: 'error_report',
      email: 'camille@exemple.org',
      project: project?.slug,
      status: 'new',
    });
  });

  it('keeps the same secret across calls', async () => {
    expect(await instanceSecret(db)).toBe(await instanceSecret(db));
  });

  it('names the fields that are wrong, and keeps what was typed', async () => {
    const result = await submitContactForm(db, {
      kind: 'partner_application',
      fields: { name: 'C', email: 'pas-un-email', message: 'court', website: 'ftp://x', token },
      client: 'b',
      limiter: new SubmissionLimiter(),
      now: later,
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: {
        name: 'name_required',
        email: 'email_invalid',
        message: 'message_too_short',
        website: 'website_invalid',
      },
      values: { email: 'pas-un-email' },
    });
  });

  it('words the form errors in the visitor’s language', async () => {
    const minuteAgo = issueFormToken(await instanceSecret(db), Date.now() - 60_000);
    const post = (kind: 'contact' | 'partner_application', client: string, locale: 'fr' | 'en') =>
      handleContactAction(
        db,
        new Request('http://localhost/contact', {
          method: 'POST',
          body: new URLSearchParams({ name: 'C', email: 'pas-un-email', message: 'court', token: minuteAgo }),
        }),
        client,
        kind,
        locale,
      );
    const english = await post('partner_application', 'c', 'en');
    expect(english).toMatchObject({
      status: 400,
      data: {
        message: 'Some fields need correcting.',
        errors: {
          name: 'give your name',
          email: 'give a valid email address',
          message: 'your message is too short',
          organisation: 'give your organisation',
        },
      },
    });
    const french = await post('contact', 'd', 'fr');
    expect(french).toMatchObject({
      status: 400,
      data: { message: 'Certains champs sont à corriger.', errors: { name: 'indiquez votre nom' } },
    });
  });

  it('refuses bots: a filled honeypot, a forged or instant token, and floods', async () => {
    const limiter = new SubmissionLimiter(2);
    const submit = (extra: Record<string, string>, now = later) =>
      submitContactForm(db, {
        kind: 'contact',
        fields: { ...fields, token, ...extra },
        client: 'c',
        limiter,
        now,
      });
    expect(await submit({ [HONEYPOT_FIELD]: 'http://spam.example' })).toMatchObject({
      ok: false,
      reason: 'spam',
    });
    expect(await submit({ token: `${Math.floor(rendered / 1000)}.forged` })).toMatchObject({
      ok: false,
      reason: 'spam',
    });
    expect(await submit({}, rendered + 1000)).toMatchObject({ ok: false, reason: 'too_fast' });
    expect(await submit({}, rendered + 2 * 24 * 3600_000)).toMatchObject({ ok: false, reason: 'expired' });
    expect((await submit({})).ok).toBe(true);
    expect((await submit({})).ok).toBe(true);
    expect(await submit({})).toMatchObject({ ok: false, reason: 'rate_limited' });
  });
});
