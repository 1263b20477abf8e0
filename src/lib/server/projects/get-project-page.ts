import type { Queryable } from '../platform/db/database.ts';
import { type CreditRow, presentCredit, projectPath, territory } from './project.presenter.ts';
import type { LocationView, ProjectPageView, TermView } from './project.views.ts';
import { PROJECT_PAGE_SQL } from './project-page.query.ts';

interface LocationRow {
  city: string | null;
  postalCode: string | null;
  inseeCode: string | null;
  departementCode: string | null;
  departementName: string | null;
  regionCode: string | null;
  regionName: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: LocationView['precision'];
}

export interface ProjectPageRow {
  id: number;
  publicId: string;
  slug: string;
  name: string;
  carrier: string | null;
  summary: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  tags: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  themes: TermView[];
  subthemes: TermView[];
  publics: TermView[];
  methods: TermView[];
  locations: LocationRow[];
  credits: CreditRow[];
}

function presentLocation(row: LocationRow): LocationView {
  return {
    city: row.city,
    postalCode: row.postalCode,
    inseeCode: row.inseeCode,
    departement: territory(row.departementCode, row.departementName),
    region: territory(row.regionCode, row.regionName),
    latitude: row.latitude,
    longitude: row.longitude,
    precision: row.precision,
  };
}

/** The project page, or null when no published project has this slug. */
export async function getProjectPage(db: Queryable, slug: string): Promise<ProjectPageView | null> {
  const [row] = await db.query<ProjectPageRow>(PROJECT_PAGE_SQL, [slug]);
  return row ? presentProjectPage(row) : null;
}

export function presentProjectPage(row: ProjectPageRow): ProjectPageView {
  const credits = row.credits.map(presentCredit);
  const locations = row.locations.map(presentLocation);
  const first = locations[0];
  return {
    id: row.publicId,
    slug: row.slug,
    path: projectPath(row.slug),
    name: row.name,
    carrier: row.carrier,
    summary: row.summary,
    city: first?.city ?? null,
    departement: first?.departement ?? null,
    region: first?.region ?? null,
    themes: row.themes,
    subthemes: row.subthemes,
    publics: row.publics,
    methods: row.methods,
    tags: row.tags,
    website: row.website,
    contact: { email: row.contactEmail, phone: row.contactPhone },
    locations,
    credits,
    licences: [...new Set(credits.map((c) => c.licence))],
    firstSeenAt: new Date(row.firstSeenAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
  };
}
