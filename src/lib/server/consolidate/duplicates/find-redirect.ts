import type { Queryable } from '../../platform/db/database.ts';

/** The slug of the project that absorbed the project once at this slug or public id ($1). */
export const REDIRECT_TARGET = `
SELECT p.slug FROM project_redirect r JOIN project p ON p.id = r.project_id
WHERE r.slug = $1 OR r.public_id = $1 LIMIT 1`;

/** Where an absorbed project's URL now points, or null. */
export async function findRedirect(db: Queryable, slugOrPublicId: string): Promise<string | null> {
  const [row] = await db.query<{ slug: string }>(REDIRECT_TARGET, [slugOrPublicId]);
  return row?.slug ?? null;
}
