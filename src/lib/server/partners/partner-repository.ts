import { NotFoundError } from '../errors.ts';
import type { Queryable } from '../platform/db/database.ts';
import { type Exclusion, parseExclusions } from './exclusions.ts';

export interface Partner {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  logoUrl: string | null;
  licence: string;
  status: 'active' | 'suspended' | 'excluded';
  /** Key of the partner's crosswalk rules in the 2018 rule set, when it differs from its name. */
  tagRuleKey: string | null;
  exclusions: Exclusion[];
  mediaAllowed: boolean;
}

export interface NewPartner {
  slug: string;
  name: string;
  website?: string | null;
  logoUrl?: string | null;
  licence?: string;
}

const COLUMNS = `id, slug, name, website, logo_url AS "logoUrl", licence, status, tag_rule_key AS "tagRuleKey",
  exclusions, media_allowed AS "mediaAllowed"`;

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

export interface PartnerRules {
  status?: Partner['status'];
  tagRuleKey?: string | null;
  exclusions?: Exclusion[];
  mediaAllowed?: boolean;
}

/**
 * Changes a partner's status and reuse rules. The public views follow the status at once; the
 * next consolidation run applies exclusions and media rules to what was already published.
 */
export async function setPartnerRules(db: Queryable, slug: string, rules: PartnerRules): Promise<Partner> {
  const exclusions =
    rules.exclusions === undefined ? null : JSON.stringify(parseExclusions(rules.exclusions));
  const [row] = await db.query<Partner>(
    `UPDATE partner SET status = coalesce($2, status),
       tag_rule_key = CASE WHEN $3::boolean THEN $4 ELSE tag_rule_key END,
       exclusions = coalesce($5::jsonb, exclusions), media_allowed = coalesce($6, media_allowed), updated_at = now()
     WHERE slug = $1 RETURNING ${COLUMNS}`,
    [
      slug,
      rules.status ?? null,
      rules.tagRuleKey !== undefined,
      rules.tagRuleKey ?? null,
      exclusions,
      rules.mediaAllowed ?? null,
    ],
  );
  if (!row) throw new NotFoundError(`unknown partner "${slug}"`);
  return row;
}
