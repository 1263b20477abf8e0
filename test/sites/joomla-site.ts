import { escapeHtml as e, page } from './html.ts';
import { projectsFor, type SyntheticProject } from './projects.ts';
import { html, notFound, type SiteHandler } from './site-types.ts';

/**
 * A Joomla/SOBI2 directory paged by `limitstart=0,5,10…` with a detail page per entry, like the
 * 2018 Apriles config (table.sobi2Listing, span.sobi2ItemTitle a, a[title=Suivante]).
 */
export const JOOMLA_PROJECTS = projectsFor('joomla', 18);
export const JOOMLA_LIMIT = 5;

const listUrl = (start: number) =>
  `/joomla/index.php?option=com_sobi2&amp;Itemid=95&amp;limit=${JOOMLA_LIMIT}&amp;limitstart=${start}`;
const detailUrl = (p: SyntheticProject) =>
  `/joomla/index.php?option=com_sobi2&amp;sobi2Task=sobi2Details&amp;sobi2Id=${p.id}&amp;Itemid=95`;

function listing(start: number): string {
  const items = JOOMLA_PROJECTS.slice(start, start + JOOMLA_LIMIT);
  const rows = items
    .map(
      (p) => `<tr>
<td class="sobi2ItemLogo"></td>
<td><span class="sobi2ItemTitle"><a href="${detailUrl(p)}">${e(p.name)}</a></span>
<div class="sobi2Listing_field_ville">${e(p.city)}</div></td>
</tr>`,
    )
    .join('\n');
  const next =
    start + JOOMLA_LIMIT < JOOMLA_PROJECTS.length
      ? `<a title="Suivante" href="${listUrl(start + JOOMLA_LIMIT)}">Suivante</a>`
      : '';
  const previous =
    start > 0
      ? `<a title="Précédente" href="${listUrl(Math.max(0, start - JOOMLA_LIMIT))}">Précédente</a>`
      : '';
  return `<div id="sobi2Listing"><h1>Annuaire des initiatives</h1>
<table class="sobi2Listing">
${rows}
</table>
<div class="sobi2Pagination">${previous} ${next}</div></div>`;
}

function detail(p: SyntheticProject): string {
  return `<div id="sobi2Details"><h1 class="sobi2Details_title">${e(p.name)}</h1>
<table class="sobi2Details">
<tr><th>Structure</th><td class="sobi2Details_field_structure">${e(p.carrier)}</td></tr>
<tr><th>Ville</th><td class="sobi2Details_field_ville">${e(p.city)}</td></tr>
<tr><th>Code postal</th><td class="sobi2Details_field_postcode">${p.postalCode}</td></tr>
<tr><th>Description</th><td class="sobi2Details_field_description">${e(p.description)}</td></tr>
<tr><th>Thèmes</th><td class="sobi2Details_field_themes">${p.tags.map(e).join(', ')}</td></tr>
<tr><th>Contact</th><td class="sobi2Details_field_email">${p.contactEmail}</td></tr>
</table></div>`;
}

export const joomlaSite: SiteHandler = (ctx) => {
  if (ctx.url.pathname !== '/joomla/index.php')
    return ctx.url.pathname.startsWith('/joomla/') ? notFound() : null;
  const q = ctx.url.searchParams;
  if (q.get('option') !== 'com_sobi2') return notFound();
  if (q.get('sobi2Task') === 'sobi2Details') {
    const project = JOOMLA_PROJECTS.find((p) => p.id === Number(q.get('sobi2Id')));
    return project ? html(page({ title: project.name, body: detail(project) })) : notFound();
  }
  const start = Number(q.get('limitstart') ?? '0');
  if (!Number.isInteger(start) || start < 0 || start >= JOOMLA_PROJECTS.length) return notFound();
  return html(page({ title: 'Annuaire — Réseau Synthétique (Joomla)', body: listing(start) }));
};
