import { DEFAULT_LOCALE, LOCALES, localizeHref } from '../../i18n/locale.ts';
import type { Queryable } from '../platform/db/database.ts';
import { slugify } from '../text/normalize-key.ts';
import { PUBLIC_PROJECT_CTE } from './public-project.sql.ts';

/** Search engines read at most 50,000 URLs per sitemap file. */
export const PROJECTS_PER_SITEMAP = 40_000;

export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

export async function countSitemapProjectFiles(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH ${PUBLIC_PROJECT_CTE} SELECT count(*)::int AS n FROM public_project`,
  );
  return Math.max(1, Math.ceil((row?.n ?? 0) / PROJECTS_PER_SITEMAP));
}

/** Project pages of sitemap file `page` (1-based), with their last update. */
export async function sitemapProjects(db: Queryable, page: number): Promise<SitemapEntry[]> {
  const rows = await db.query<{ slug: string; updated_at: Date }>(
    `WITH ${PUBLIC_PROJECT_CTE}
     SELECT p.slug, p.updated_at FROM project p JOIN public_project pp ON pp.id = p.id
     ORDER BY p.id LIMIT $1::int OFFSET $2::int`,
    [PROJECTS_PER_SITEMAP, (page - 1) * PROJECTS_PER_SITEMAP],
  );
  return rows.map((r) => ({
    path: `/projets/${encodeURIComponent(r.slug)}`,
    lastModified: new Date(r.updated_at).toISOString(),
  }));
}

/** Every other page: home, search, territories, themes, partners. */
export async function sitemapPages(db: Queryable): Promise<SitemapEntry[]> {
  const regions = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM region ORDER BY code`,
  );
  const departements = await db.query<{ name: string; region_code: string }>(
    `SELECT name, region_code FROM departement ORDER BY code`,
  );
  const themes = await db.query<{ code: string }>(
    `SELECT code FROM taxonomy_term WHERE vocabulary IN ('theme', 'subtheme') ORDER BY vocabulary, position, code`,
  );
  const partners = await db.query<{ slug: string }>(
    `SELECT slug FROM partner WHERE status = 'active' ORDER BY slug`,
  );
  const regionSlug = new Map(regions.map((r) => [r.code, slugify(r.name)]));
  return [
    { path: '/' },
    { path: '/recherche' },
    { path: '/carte' },
    { path: '/a-propos' },
    { path: '/contact' },
    { path: '/devenir-partenaire' },
    { path: '/widget' },
    { path: '/territoires' },
    ...regions.map((r) => ({ path: `/territoires/${slugify(r.name)}` })),
    ...departements.map((d) => ({
      path: `/territoires/${regionSlug.get(d.region_code)}/${slugify(d.name)}`,
    })),
    { path: '/thematiques' },
    ...themes.map((t) => ({ path: `/thematiques/${t.code}` })),
    { path: '/partenaires' },
    ...partners.map((p) => ({ path: `/partenaires/${p.slug}` })),
  ];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page's address in every language, and x-default (French), as sitemap alternates. */
function alternateLinks(baseUrl: string, path: string): string {
  return [...LOCALES, 'x-default' as const]
    .map((lang) => {
      const href = escapeXml(baseUrl + localizeHref(path, lang === 'x-default' ? DEFAULT_LOCALE : lang));
      return `<xhtml:link rel="alternate" hreflang="${lang}" href="${href}"/>`;
    })
    .join('');
}

/**
 * One <url> per page, at its French address, with its English address as an alternate: the
 * number of URLs per file stays that of the pages (at most 50,000).
 */
export function sitemapXml(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `  <url><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${e.lastModified}</lastmod>` : ''}${alternateLinks(baseUrl, e.path)}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls}\n</urlset>\n`;
}

export function sitemapIndexXml(baseUrl: string, paths: string[]): string {
  const items = paths.map((p) => `  <sitemap><loc>${escapeXml(baseUrl + p)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}
