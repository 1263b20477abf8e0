import { normalizeKey } from '../text/normalize-key.ts';
import type { ProjectFields, ProjectLocationFields } from './build-project-fields.ts';
import { websiteDomain } from './duplicates/website-domain.ts';
import type { StoredFields } from './merge-fields.ts';

/**
 * The rows a consolidation run writes (project, project_location, project_source.fields), built
 * from fields in the common schema, as the JSON batches of consolidation.queries.ts expect them.
 */

export const iso = (d: Date): string => new Date(d).toISOString();

/**
 * The territory codes the search triggers will derive from these locations ('R:84', 'D:69',
 * 'E:…', 'C:…'). Written with the project so that the trigger finds them right and does not
 * rewrite the row: the trigger stays the one that decides, this only saves it the work.
 */
export function territoryCodes(locations: readonly ProjectLocationFields[]): string[] {
  const codes = new Set<string>();
  for (const l of locations) {
    if (l.regionCode) codes.add(`R:${l.regionCode}`);
    if (l.departementCode) codes.add(`D:${l.departementCode}`);
    if (l.epciCode) codes.add(`E:${l.epciCode}`);
    if (l.inseeCode) codes.add(`C:${l.inseeCode}`);
  }
  return [...codes];
}

/**
 * The box around the located locations, as migration 0012's trigger computes it (the text form
 * of box(point(min lon, min lat), point(max lon, max lat))), for the same reason; null when none
 * is located.
 */
export function locationsBox(
  locations: readonly Pick<ProjectLocationFields, 'latitude' | 'longitude'>[],
): string | null {
  const located = locations.filter((l) => l.latitude !== null && l.longitude !== null) as {
    latitude: number;
    longitude: number;
  }[];
  if (!located.length) return null;
  const lons = located.map((l) => l.longitude);
  const lats = located.map((l) => l.latitude);
  return `(${Math.max(...lons)},${Math.max(...lats)}),(${Math.min(...lons)},${Math.min(...lats)})`;
}

/** A project row for INSERT_PROJECTS / UPDATE_PROJECTS from fields in the common schema. */
export function projectRow(
  f: StoredFields,
  meta: { licence: string; firstSeenAt: Date; lastSeenAt: Date; fieldSources: Record<string, string> },
) {
  return {
    name: f.name,
    carrier: f.carrier,
    summary: f.summary,
    website: f.website,
    contact_email: f.contactEmail,
    contact_phone: f.contactPhone,
    themes: f.themes,
    subthemes: f.subthemes,
    publics: f.publics,
    methods: f.methods,
    tags: f.tags,
    keywords: f.keywords,
    licence: meta.licence,
    first_seen_at: iso(meta.firstSeenAt),
    last_seen_at: iso(meta.lastSeenAt),
    maturity: f.maturity,
    scale: f.scale,
    image_url: f.imageUrl,
    distinctions: f.distinctions,
    theme_origins: f.themeOrigins,
    field_sources: meta.fieldSources,
    quality_score: f.qualityScore,
    name_key: normalizeKey(f.name),
    carrier_key: normalizeKey(f.carrier ?? ''),
    website_domain: websiteDomain(f.website),
    territory_codes: territoryCodes(f.locations),
    locations_box: locationsBox(f.locations),
  };
}

/** A location row for UPSERT_LOCATIONS, but its project (project_location's key is project and position). */
export function locationRow(l: ProjectLocationFields, position: number) {
  return {
    position,
    label: l.label,
    postal_code: l.postalCode,
    insee_code: l.inseeCode,
    city: l.city,
    epci_code: l.epciCode,
    departement_code: l.departementCode,
    region_code: l.regionCode,
    latitude: l.latitude,
    longitude: l.longitude,
    precision: l.precision,
    coordinates_flagged: l.coordinatesFlagged ?? false,
  };
}

/**
 * A row as JSON text without its braces, so that the writer adds the ids it alone knows
 * (`{"id":42,` + members + `}`): rows can be serialised where they are built, maybe on a worker
 * thread, and batches joined as text.
 */
export const jsonMembers = (row: object): string => JSON.stringify(row).slice(1, -1);

/** A project's locations in order, as JSON members of their rows. */
export const locationsJson = (locations: readonly ProjectLocationFields[]): string[] =>
  locations.map((l, position) => jsonMembers(locationRow(l, position)));

/** What one record says, as project_source.fields keeps it for merged projects. */
export function storedFields(fields: ProjectFields): StoredFields {
  const { warnings: _warnings, ...rest } = fields;
  return rest;
}
