import { escapeHtml as e, page } from './html.ts';
import { projectsFor } from './projects.ts';
import { html, notFound, type SiteContext, type SiteHandler } from './site-types.ts';

/**
 * robots.txt for the whole test origin, and a site under /robots/ whose listing links to pages
 * robots may read (/robots/projet/…) and pages they may not (/robots/prive/…). Variants:
 * `crawl-delay` adds Crawl-delay: 1; `unavailable` answers 503; `missing` answers 404.
 */
export const ROBOTS_PROJECTS = projectsFor('robots', 10);
export const ROBOTS_FORBIDDEN_PREFIX = '/robots/prive/';

/** Projects with an even id are on forbidden paths. */
export const robotsPathOf = (id: number, slug: string) =>
  id % 2 === 0 ? `${ROBOTS_FORBIDDEN_PREFIX}${slug}` : `/robots/projet/${slug}`;

export function robotsTxt(ctx: SiteContext) {
  const variant = ctx.variant('robots');
  if (variant === 'unavailable') return { status: 503, type: 'text/plain', body: 'Service indisponible' };
  if (variant === 'missing') return notFound();
  const lines = [
    '# Synthetic test sites of Tadata',
    'User-agent: *',
    `Disallow: ${ROBOTS_FORBIDDEN_PREFIX}`,
    'Disallow: /unstable/robots-interdit',
    ...(variant === 'crawl-delay' ? ['Crawl-delay: 1'] : []),
    '',
    'User-agent: GrumpyBot',
    'Disallow: /',
    '',
  ];
  return { type: 'text/plain; charset=utf-8', body: lines.join('\n') };
}

export const robotsSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (path === '/robots.txt') return robotsTxt(ctx);
  if (!path.startsWith('/robots/')) return null;
  if (path === '/robots/projets') {
    const items = ROBOTS_PROJECTS.map(
      (p) =>
        `<li class="projet"><a href="${robotsPathOf(p.id, p.slug)}">${e(p.name)}</a> — <span class="ville">${e(p.city)}</span></li>`,
    ).join('\n');
    return html(
      page({
        title: 'Projets — Collectif Synthétique (robots.txt)',
        body: `<ul class="projets">\n${items}\n</ul>`,
      }),
    );
  }
  const project = ROBOTS_PROJECTS.find((p) => robotsPathOf(p.id, p.slug) === path);
  if (project) {
    return html(
      page({
        title: project.name,
        body: `<h1>${e(project.name)}</h1><p class="porteur">${e(project.carrier)}</p><p class="resume">${e(project.description)}</p>`,
      }),
    );
  }
  return notFound();
};
