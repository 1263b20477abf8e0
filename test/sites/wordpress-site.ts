import { escapeHtml as e, page } from './html.ts';
import { projectsFor, type SyntheticProject } from './projects.ts';
import { html, notFound, type SiteHandler } from './site-types.ts';

/**
 * A WordPress category archive: /initiatives/, /initiatives/page/2/…, with <link rel="next"> in
 * the head and `a.next.page-numbers` in the body (2018 Semeoz, Fondation RTE, Socialement
 * responsable), one post per project.
 */
export const WORDPRESS_PROJECTS = projectsFor('wordpress', 22);
export const WORDPRESS_PAGE_SIZE = 9;

const pageUrl = (n: number) => (n === 1 ? '/wordpress/initiatives/' : `/wordpress/initiatives/page/${n}/`);

function archive(n: number, pages: number): { head: string; body: string } {
  const items = WORDPRESS_PROJECTS.slice((n - 1) * WORDPRESS_PAGE_SIZE, n * WORDPRESS_PAGE_SIZE);
  const posts = items
    .map(
      (p) => `<article id="post-${p.id}" class="post type-post status-publish category-initiatives">
<header class="entry-header"><h2 class="entry-title"><a href="/wordpress/initiatives/${p.slug}/" rel="bookmark">${e(p.name)}</a></h2></header>
<div class="entry-summary"><p>${e(p.description)}</p></div>
<footer class="entry-footer"><span class="cat-links">${p.tags.map((t) => `<a rel="tag">${e(t)}</a>`).join(', ')}</span></footer>
</article>`,
    )
    .join('\n');
  const head = [
    n > 1 ? `<link rel="prev" href="${pageUrl(n - 1)}">` : '',
    n < pages ? `<link rel="next" href="${pageUrl(n + 1)}">` : '',
  ].join('\n');
  const nav = `<nav class="navigation pagination"><div class="nav-links">${
    n > 1 ? `<a class="prev page-numbers" href="${pageUrl(n - 1)}">Précédent</a>` : ''
  }<span aria-current="page" class="page-numbers current">${n}</span>${
    n < pages ? `<a class="next page-numbers" href="${pageUrl(n + 1)}">Suivant</a>` : ''
  }</div></nav>`;
  return {
    head,
    body: `<main id="main" class="site-main"><h1 class="page-title">Catégorie : Initiatives</h1>\n${posts}\n${nav}</main>`,
  };
}

function post(p: SyntheticProject): string {
  return `<main id="main" class="site-main"><article class="post type-post">
<h1 class="entry-title">${e(p.name)}</h1>
<div class="entry-content">
<p>${e(p.description)}</p>
<ul class="fiche-projet">
<li><strong>Porteur :</strong> <span class="porteur">${e(p.carrier)}</span></li>
<li><strong>Ville :</strong> <span class="ville">${e(p.city)}</span> <span class="code-postal">${p.postalCode}</span></li>
<li><strong>Contact :</strong> <a class="contact" href="mailto:${p.contactEmail}">${p.contactEmail}</a></li>
</ul>
</div>
<footer class="entry-footer">${p.tags.map((t) => `<a class="tag" rel="tag">${e(t)}</a>`).join(' ')}</footer>
</article></main>`;
}

export const wordpressSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/wordpress/')) return null;
  const pages = Math.ceil(WORDPRESS_PROJECTS.length / WORDPRESS_PAGE_SIZE);
  const archiveMatch = path.match(/^\/wordpress\/initiatives\/(?:page\/(\d+)\/)?$/);
  if (archiveMatch) {
    const n = Number(archiveMatch[1] ?? '1');
    if (n < 1 || n > pages) return notFound();
    const { head, body } = archive(n, pages);
    return html(page({ title: 'Initiatives — Blog Synthétique (WordPress)', head, body }));
  }
  const postMatch = path.match(/^\/wordpress\/initiatives\/([a-z0-9-]+)\/$/);
  const project = postMatch && WORDPRESS_PROJECTS.find((p) => p.slug === postMatch[1]);
  return project ? html(page({ title: project.name, body: post(project) })) : notFound();
};
