import { escapeHtml as e, page } from './html.ts';
import { projectsFor, type SyntheticProject } from './projects.ts';
import { html, notFound, type SiteHandler } from './site-types.ts';

/**
 * A Drupal 7 "views" listing paginated by `li.pager-next a` (?page=0,1,2…), like the 2018
 * Fondation Bettencourt Schueller and Avise configs, with a detail page per project. The
 * "redesign" variant serves the same projects with new markup (cards, rel=next), as when a
 * partner changes its theme and every selector breaks.
 */
export const DRUPAL_PROJECTS = projectsFor('drupal', 24);
export const DRUPAL_PAGE_SIZE = 10;

function listingOriginal(items: SyntheticProject[], pageIndex: number, pages: number): string {
  const rows = items
    .map(
      (p) => `<li class="views-row search-result">
  <h3 class="title"><a href="/drupal/projet/${p.slug}">${e(p.name)}</a></h3>
  <div class="field field-name-field-porteur"><div class="field-item even">${e(p.carrier)}</div></div>
  <div class="field field-name-field-ville">${e(p.city)} (${p.postalCode})</div>
  <div class="field field-name-body"><p>${e(p.description)}</p></div>
  <div class="field field-name-field-tags">${p.tags.map((t) => `<span class="tag">${e(t)}</span>`).join(' ')}</div>
</li>`,
    )
    .join('\n');
  const next =
    pageIndex + 1 < pages
      ? `<li class="pager-next"><a title="Aller à la page suivante" href="/drupal/projets?page=${pageIndex + 1}">suivant ›</a></li>`
      : '';
  const previous =
    pageIndex > 0
      ? `<li class="pager-previous"><a href="/drupal/projets?page=${pageIndex - 1}">‹ précédent</a></li>`
      : '';
  return `<div id="block-system-main"><h1>Projets soutenus</h1>
<ul class="search-results">
${rows}
</ul>
<div class="item-list"><ul class="pager">${previous}<li class="pager-current">${pageIndex + 1}</li>${next}</ul></div>
</div>`;
}

function listingRedesign(items: SyntheticProject[], pageIndex: number, pages: number): string {
  const cards = items
    .map(
      (p) => `<article class="card project-card" data-id="${p.id}">
  <h2 class="card__title"><a class="card__link" href="/drupal/projet/${p.slug}">${e(p.name)}</a></h2>
  <p class="card__meta"><span class="card__carrier">${e(p.carrier)}</span> · <span class="card__place">${e(p.city)} (${p.postalCode})</span></p>
  <p class="card__summary">${e(p.description)}</p>
  <ul class="card__tags">${p.tags.map((t) => `<li>${e(t)}</li>`).join('')}</ul>
</article>`,
    )
    .join('\n');
  const next =
    pageIndex + 1 < pages
      ? `<a class="pagination__next" rel="next" href="/drupal/projets?page=${pageIndex + 1}">Page suivante</a>`
      : '';
  return `<main class="layout"><h1 class="page-title">Nos projets</h1>
<section class="projects-grid">
${cards}
</section>
<nav class="pagination" aria-label="Pagination">${next}</nav>
</main>`;
}

function detail(p: SyntheticProject, redesign: boolean): string {
  if (redesign) {
    return `<main class="layout"><article class="project">
<h1 class="project__title">${e(p.name)}</h1>
<dl class="project__facts"><dt>Porteur</dt><dd class="project__carrier">${e(p.carrier)}</dd>
<dt>Lieu</dt><dd class="project__place">${e(p.city)} (${p.postalCode})</dd>
<dt>Depuis</dt><dd>${p.year}</dd></dl>
<div class="project__text">${e(p.description)}</div>
<p class="project__contact"><a href="mailto:${p.contactEmail}">Écrire au porteur</a></p>
</article></main>`;
  }
  return `<div id="block-system-main"><div class="node node--portrait">
<h1 class="title">${e(p.name)}</h1>
<div class="field field-name-field-porteur"><div class="name-block">${e(p.carrier)}</div></div>
<div class="field field-name-field-ville">${e(p.city)}</div>
<div class="field field-name-field-code-postal">${p.postalCode}</div>
<div class="field field-name-field-created-year"><div class="field-item even">${p.year}</div></div>
<div class="field field-name-body">${e(p.description)}</div>
<div class="field field--name-field-portrait-domain">${p.tags.map((t) => `<div>${e(t)}</div>`).join('')}</div>
<div class="field field-name-field-contact"><a href="mailto:${p.contactEmail}">${p.contactEmail}</a></div>
</div></div>`;
}

export const drupalSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  const redesign = ctx.variant('drupal') === 'redesign';
  if (path === '/drupal/projets') {
    const pages = Math.ceil(DRUPAL_PROJECTS.length / DRUPAL_PAGE_SIZE);
    const pageIndex = Number(ctx.url.searchParams.get('page') ?? '0');
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pages) return notFound();
    const items = DRUPAL_PROJECTS.slice(pageIndex * DRUPAL_PAGE_SIZE, (pageIndex + 1) * DRUPAL_PAGE_SIZE);
    const body = redesign
      ? listingRedesign(items, pageIndex, pages)
      : listingOriginal(items, pageIndex, pages);
    return html(page({ title: 'Projets soutenus — Fondation Synthétique (Drupal)', body }));
  }
  const match = path.match(/^\/drupal\/projet\/([a-z0-9-]+)$/);
  const project = match && DRUPAL_PROJECTS.find((p) => p.slug === match[1]);
  if (project) return html(page({ title: project.name, body: detail(project, redesign) }));
  return path.startsWith('/drupal/') ? notFound() : null;
};
