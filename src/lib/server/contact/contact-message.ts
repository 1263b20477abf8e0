import { z } from 'zod';
import type { Queryable } from '../platform/db/database.ts';

export const MESSAGE_KINDS = ['contact', 'error_report', 'partner_application'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, 'too_long');

/**
 * What the forms accept. Messages are codes (name_required, email_invalid…): the form action
 * words them in the visitor's language (the `form.fieldErrors` dictionary entries).
 */
export const contactMessageSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    name: text(120).min(2, 'name_required'),
    email: z.string().trim().toLowerCase().max(200, 'too_long').pipe(z.email('email_invalid')),
    organisation: text(200).optional(),
    website: z
      .string()
      .trim()
      .max(300, 'too_long')
      .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'website_invalid')
      .optional(),
    subject: text(200).optional(),
    message: text(5000).min(10, 'message_too_short'),
    projectSlug: z.string().max(200).optional(),
  })
  .superRefine((value, context) => {
    if (value.kind === 'partner_application' && !value.organisation) {
      context.addIssue({ code: 'custom', path: ['organisation'], message: 'organisation_required' });
    }
  });

export type ContactMessageInput = z.infer<typeof contactMessageSchema>;

export async function saveContactMessage(db: Queryable, input: ContactMessageInput): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO contact_message (kind, name, email, organisation, website, subject, message, project_id)
     VALUES ($1, $2, $3, NULLIF($4, ''), NULLIF($5, ''), NULLIF($6, ''), $7,
             (SELECT id FROM project WHERE slug = $8))
     RETURNING id`,
    [
      input.kind,
      input.name,
      input.email,
      input.organisation ?? '',
      input.website ?? '',
      input.subject ?? '',
      input.message,
      input.projectSlug ?? null,
    ],
  );
  if (!row) throw new Error('message not saved');
  return row.id;
}

export interface StoredMessage {
  id: number;
  kind: MessageKind;
  name: string;
  email: string;
  organisation: string | null;
  subject: string | null;
  message: string;
  project: string | null;
  status: string;
  createdAt: Date;
}

/** For the coordinators (CLI today, back office later): newest first. */
export async function listContactMessages(db: Queryable, options: { status?: string; limit?: number } = {}) {
  return db.query<StoredMessage>(
    `SELECT m.id, m.kind, m.name, m.email, m.organisation, m.subject, m.message, p.slug AS project, m.status,
            m.created_at AS "createdAt"
     FROM contact_message m LEFT JOIN project p ON p.id = m.project_id
     WHERE $1::text IS NULL OR m.status = $1::text
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT $2::int`,
    [options.status ?? null, options.limit ?? 50],
  );
}
