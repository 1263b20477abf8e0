import { SYNTHETIC_NOTICE } from './html.ts';
import { projectsFor } from './projects.ts';
import { notFound, type SiteHandler } from './site-types.ts';

/**
 * A JSON API with page numbers: /api/projets?page=N (1-based) answers the items, the page count
 * and the next page's URL, like the 2018 ATLAAS "getAtlaasActions?p=1" source.
 */
export const API_PROJECTS = projectsFor('api', 26);
export const API_PAGE_SIZE = 10;

export const jsonApiSite: SiteHandler = (ctx) => {
  if (!ctx.url.pathname.startsWith('/api/')) return null;
  if (ctx.url.pathname !== '/api/projets') return notFound();
  const totalPages = Math.ceil(API_PROJECTS.length / API_PAGE_SIZE);
  const n = Number(ctx.url.searchParams.get('page') ?? '1');
  if (!Number.isInteger(n) || n < 1 || n > totalPages) {
    return { status: 404, type: 'application/json', body: JSON.stringify({ error: 'page introuvable' }) };
  }
  const results = API_PROJECTS.slice((n - 1) * API_PAGE_SIZE, n * API_PAGE_SIZE).map((p) => ({
    id: `api-${p.id}`,
    nom: p.name,
    porteur: { nom: p.carrier, courriel: p.contactEmail },
    localisation: { ville: p.city, code_postal: p.postalCode },
    description: p.description,
    thematiques: p.tags,
    url: `${ctx.origin}/api/projets/${p.id}`,
  }));
  const body = {
    _synthetic: SYNTHETIC_NOTICE,
    page: n,
    total_pages: totalPages,
    total: API_PROJECTS.length,
    next: n < totalPages ? `${ctx.origin}/api/projets?page=${n + 1}` : null,
    results,
  };
  return { type: 'application/json; charset=utf-8', body: JSON.stringify(body), cacheable: true };
};
