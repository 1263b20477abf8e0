import type { ProjectPageView } from './project.views.ts';

/**
 * schema.org JSON-LD for a project page: what search engines show, with the partners' pages
 * as the sources of the record (charter: credit and link back).
 */
export function projectJsonLd(project: ProjectPageView, url: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: project.name,
    url,
    description: project.summary ?? undefined,
    ...(project.website ? { sameAs: [project.website] } : {}),
    ...(project.carrier ? { parentOrganization: { '@type': 'Organization', name: project.carrier } } : {}),
    location: project.locations
      .filter((l) => l.city || l.postalCode)
      .map((l) => ({
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          addressLocality: l.city ?? undefined,
          postalCode: l.postalCode ?? undefined,
          addressRegion: l.region?.name,
          addressCountry: 'FR',
        },
        ...(l.latitude !== null && l.longitude !== null
          ? { geo: { '@type': 'GeoCoordinates', latitude: l.latitude, longitude: l.longitude } }
          : {}),
      })),
    keywords: project.themes.map((t) => t.label).join(', ') || undefined,
    subjectOf: project.credits.map((c) => ({
      '@type': 'WebPage',
      url: c.sourceUrl ?? c.partner.website ?? undefined,
      publisher: { '@type': 'Organization', name: c.partner.name, url: c.partner.website ?? undefined },
      license: c.licence,
      dateModified: c.lastSeenAt,
    })),
  };
  // Safe inside <script>: no "</script>" or "<!--" can close or comment the element.
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
