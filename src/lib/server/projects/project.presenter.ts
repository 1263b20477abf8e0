import type { PartnerCreditView, ProjectCardView, TermView, TerritoryRef } from './project.views.ts';

/** A card row as PROJECT_CARDS_SQL returns it. */
export interface ProjectCardRow {
  publicId: string;
  slug: string;
  name: string;
  carrier: string | null;
  summary: string | null;
  city: string | null;
  departementCode: string | null;
  departementName: string | null;
  regionCode: string | null;
  regionName: string | null;
  themes: TermView[];
  credits: CreditRow[];
}

export interface CreditRow {
  partnerSlug: string;
  partnerName: string;
  partnerWebsite: string | null;
  partnerLogoUrl: string | null;
  sourceUrl: string | null;
  licence: string;
  lastSeenAt: string | Date;
}

export function territory(code: string | null, name: string | null): TerritoryRef | null {
  return code ? { code, name: name ?? code } : null;
}

export function presentCredit(row: CreditRow): PartnerCreditView {
  return {
    partner: {
      slug: row.partnerSlug,
      name: row.partnerName,
      website: row.partnerWebsite,
      logoUrl: row.partnerLogoUrl,
    },
    sourceUrl: row.sourceUrl,
    licence: row.licence,
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
  };
}

export function projectPath(slug: string): string {
  return `/projets/${encodeURIComponent(slug)}`;
}

export function presentProjectCard(row: ProjectCardRow): ProjectCardView {
  return {
    id: row.publicId,
    slug: row.slug,
    path: projectPath(row.slug),
    name: row.name,
    carrier: row.carrier,
    summary: row.summary,
    city: row.city,
    departement: territory(row.departementCode, row.departementName),
    region: territory(row.regionCode, row.regionName),
    themes: row.themes,
    credits: row.credits.map(presentCredit),
  };
}
