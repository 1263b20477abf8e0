import type { Queryable } from '../platform/db/database.ts';

export interface Partner {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  logoUrl: string | null;
  licence: string;
  status: 'active' | 'suspended' | 'excluded';
}

export interface NewPartner {
  slug: string;
  name: string;
  website?: string | null;
  logoUrl?: string | null;
  licence?: string;
}

const COLUMNS = `id, slug, name, website, logo_url AS "logoUrl", licence, status`;

export async function findPartnerBySlug(db: Queryable, slug: string): Promise<Partner | null> {
  const [row] = await db.query<Partner>(`SELECT ${COLUMNS} FROM partner WHERE slug = $1`, [slug]);
  return row ?? null;
}

export async function listPartners(db: Queryable): Promise<Partner[]> {
  return db.query<Partner>(`SELECT ${COLUMNS} FROM partner ORDER BY name`);
}

export async function createPartner(db: Queryable, partner: NewPartner): Promise<Partner> {
  const [row] = await db.query<Partner>(
    `INSERT INTO partner (slug, name, website, logo_url, licence)
     VALUES ($1, $2, $3, $4, coalesce($5, 'CC-BY-SA-4.0'))
     RETURNING ${COLUMNS}`,
    [partner.slug, partner.name, partner.website ?? null, partner.logoUrl ?? null, partner.licence ?? null],
  );
  if (!row) throw new Error(`could not create partner ${partner.slug}`);
  return row;
}
