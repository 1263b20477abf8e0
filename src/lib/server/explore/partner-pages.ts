import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from '../projects/load-project-cards.ts';
import type { ProjectCardView } from '../projects/project.views.ts';
import { PARTNER_LIST_SQL, PARTNER_PAGE_SQL, PARTNER_PROJECTS_SQL } from './partner-page.query.ts';

export interface PartnerSummaryView {
  slug: string;
  name: string;
  website: string | null;
  licence: string;
  projects: number;
  path: string;
}

export interface PartnerPageView {
  slug: string;
  name: string;
  website: string | null;
  logoUrl: string | null;
  licence: string;
  sources: { slug: string; name: string; kind: string; lastRunAt: string | null }[];
  projects: number;
  latest: ProjectCardView[];
}

export async function listPartners(db: Queryable): Promise<PartnerSummaryView[]> {
  const rows = await db.query<Omit<PartnerSummaryView, 'path'>>(PARTNER_LIST_SQL);
  return rows.map((row) => ({ ...row, path: `/partenaires/${row.slug}` }));
}

/** A partner's public page; null when unknown or not active (a suspended partner has none). */
export async function getPartnerPage(
  db: Queryable,
  slug: string,
  latestCount = 12,
): Promise<PartnerPageView | null> {
  const [partner] = await db.query<{
    id: number;
    slug: string;
    name: string;
    website: string | null;
    logoUrl: string | null;
    licence: string;
    status: string;
    sources: { slug: string; name: string; kind: string; lastRunAt: string | null }[];
  }>(PARTNER_PAGE_SQL, [slug]);
  if (partner?.status !== 'active') return null;
  const rows = await db.query<{ total: number; id: number | null }>(PARTNER_PROJECTS_SQL, [
    partner.id,
    latestCount,
  ]);
  const ids = rows.map((r) => r.id).filter((id): id is number => id !== null);
  return {
    slug: partner.slug,
    name: partner.name,
    website: partner.website,
    logoUrl: partner.logoUrl,
    licence: partner.licence,
    sources: partner.sources.map((s) => ({
      ...s,
      lastRunAt: s.lastRunAt ? new Date(s.lastRunAt).toISOString() : null,
    })),
    projects: rows[0]?.total ?? 0,
    latest: await loadProjectCards(db, ids),
  };
}
