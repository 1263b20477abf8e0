import { createHash } from 'node:crypto';
import type { Queryable } from '../platform/db/database.ts';
import { slugify } from '../text/normalize-key.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A project's public id is derived from where it was first found (source and stable key), so a
 * full rebuild gives the same ids. Ten characters of an unambiguous alphabet.
 */
export function projectPublicId(sourceSlug: string, stableKey: string): string {
  const digest = createHash('sha256').update(`${sourceSlug}\n${stableKey}`).digest();
  let id = '';
  for (let i = 0; i < 10; i++) id += ALPHABET[(digest[i] as number) % ALPHABET.length];
  return id;
}

/** A readable slug from the name, made unique with a numeric suffix; kept for life once given. */
export async function uniqueProjectSlug(db: Queryable, name: string): Promise<string> {
  const base = slugify(name);
  const rows = await db.query<{ slug: string }>(`SELECT slug FROM project WHERE slug = $1 OR slug LIKE $2`, [
    base,
    `${base}-%`,
  ]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
