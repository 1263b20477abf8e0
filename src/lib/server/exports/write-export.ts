import type { ProjectPageView } from '../projects/project.views.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Export shapes: each record names its partners, the link to each partner's page for the
 * project, and the licences (charter). `baseUrl` makes the project URLs absolute.
 */
export function exportRecord(project: ProjectPageView, baseUrl: string) {
  const first = project.locations[0];
  return {
    id: project.id,
    url: `${baseUrl}${project.path}`,
    name: project.name,
    carrier: project.carrier,
    summary: project.summary,
    website: project.website,
    contactEmail: project.contact.email,
    contactPhone: project.contact.phone,
    themes: project.themes.map((t) => t.code),
    subthemes: project.subthemes.map((t) => t.code),
    city: first?.city ?? null,
    postalCode: first?.postalCode ?? null,
    inseeCode: first?.inseeCode ?? null,
    departement: first?.departement?.code ?? null,
    region: first?.region?.code ?? null,
    latitude: first?.latitude ?? null,
    longitude: first?.longitude ?? null,
    locations: project.locations,
    sources: project.credits.map((c) => ({
      partner: c.partner.name,
      partnerSlug: c.partner.slug,
      partnerWebsite: c.partner.website,
      url: c.sourceUrl,
      licence: c.licence,
      lastSeenAt: c.lastSeenAt,
    })),
    licences: project.licences,
    firstSeenAt: project.firstSeenAt,
    lastSeenAt: project.lastSeenAt,
  };
}

const CSV_COLUMNS = [
  'id',
  'url',
  'name',
  'carrier',
  'summary',
  'website',
  'contactEmail',
  'contactPhone',
  'themes',
  'subthemes',
  'city',
  'postalCode',
  'inseeCode',
  'departement',
  'region',
  'latitude',
  'longitude',
  'partners',
  'partnerUrls',
  'licences',
  'firstSeenAt',
  'lastSeenAt',
] as const;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote always when needed; neutralise spreadsheet formulas in text that starts with = + - @.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Streams the export as text chunks: CSV (one row per project), JSON array, or GeoJSON. */
export async function* writeExport(
  projects: AsyncIterable<ProjectPageView>,
  format: ExportFormat,
  baseUrl: string,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield `${CSV_COLUMNS.join(',')}\n`;
    for await (const project of projects) {
      const r = exportRecord(project, baseUrl);
      const row = {
        ...r,
        themes: r.themes.join('|'),
        subthemes: r.subthemes.join('|'),
        partners: r.sources.map((s) => s.partner).join(' | '),
        partnerUrls: r.sources.map((s) => s.url ?? s.partnerWebsite ?? '').join(' | '),
        licences: r.licences.join(' | '),
      };
      yield `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
    }
    return;
  }
  if (format === 'json') {
    yield '[';
    let first = true;
    for await (const project of projects) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(exportRecord(project, baseUrl))}`;
      first = false;
    }
    yield '\n]\n';
    return;
  }
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const project of projects) {
    const { locations: _locations, latitude, longitude, ...properties } = exportRecord(project, baseUrl);
    const geometry =
      latitude !== null && longitude !== null ? { type: 'Point', coordinates: [longitude, latitude] } : null;
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ type: 'Feature', id: properties.id, geometry, properties })}`;
    first = false;
  }
  yield '\n]}\n';
}
