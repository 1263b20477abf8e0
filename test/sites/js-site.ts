import { escapeHtml as e, page } from './html.ts';
import { projectsFor } from './projects.ts';
import { html, notFound, type SiteHandler } from './site-types.ts';

/**
 * A listing built by client-side JavaScript: the HTML holds no project; a script fetches them
 * six at a time from /js/api/items, on load and at each click on "Charger plus" (/js/projets),
 * or when the reader scrolls to the bottom (/js/defilement). Only a browser sees the projects.
 * /js/fuite also tries to reach forbidden addresses from the page; /js/bouton-casse has a button
 * that does nothing.
 */
export const JS_PROJECTS = projectsFor('js', 20);
export const JS_BATCH = 6;

const CLIENT_SCRIPT = `
(() => {
  const list = document.getElementById('liste');
  const button = document.getElementById('charger-plus');
  const mode = document.body.dataset.mode;
  let offset = 0;
  let total = Infinity;
  let loading = false;
  function add(p) {
    const article = document.createElement('article');
    article.className = 'projet';
    const title = document.createElement('h3');
    const link = document.createElement('a');
    link.href = '/js/projet/' + p.slug;
    link.textContent = p.name;
    title.appendChild(link);
    const carrier = document.createElement('p');
    carrier.className = 'porteur';
    carrier.textContent = p.carrier;
    const place = document.createElement('p');
    place.className = 'lieu';
    place.textContent = p.city + ' (' + p.postalCode + ')';
    const summary = document.createElement('p');
    summary.className = 'resume';
    summary.textContent = p.description;
    article.append(title, carrier, place, summary);
    list.appendChild(article);
  }
  async function load() {
    if (loading || offset >= total) return;
    loading = true;
    if (button) button.disabled = true;
    const response = await fetch('/js/api/items?offset=' + offset + '&limit=${JS_BATCH}');
    const data = await response.json();
    data.items.forEach(add);
    offset += data.items.length;
    total = data.total;
    loading = false;
    if (button) {
      if (offset >= total) button.remove();
      else button.disabled = false;
    }
    if (offset >= total) document.body.dataset.complete = 'true';
  }
  if (button) button.addEventListener('click', load);
  if (mode === 'scroll') {
    window.addEventListener('scroll', () => {
      if (window.innerHeight + window.scrollY >= document.body.offsetHeight - 100) load();
    });
  }
  load();
})();
`;

function listing(mode: 'button' | 'scroll'): string {
  const button =
    mode === 'button'
      ? '<button type="button" id="charger-plus" class="load-more">Charger plus</button>'
      : '';
  return `<main><h1>Les solutions</h1>
<div id="liste" class="projets"></div>
${button}
<noscript>Activez JavaScript pour voir les projets.</noscript>
</main>
<script>${CLIENT_SCRIPT}</script>`;
}

export const jsSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/js/')) return null;
  if (path === '/js/projets' || path === '/js/defilement') {
    const mode = path === '/js/projets' ? 'button' : 'scroll';
    const style = '<style>article.projet { min-height: 260px; border-bottom: 1px solid #ccc; }</style>';
    return html(
      page({ title: 'Les solutions — Réseau Synthétique (JS)', head: style, body: listing(mode) }).replace(
        '<body>',
        `<body data-mode="${mode}">`,
      ),
    );
  }
  // A listing whose script also tries to reach the cloud metadata service and a private host:
  // the renderer must refuse those requests and still render the page.
  if (path === '/js/fuite') {
    const probe = `<script>
fetch('http://169.254.169.254/latest/meta-data/').catch(() => {});
fetch('http://10.0.0.1/admin').catch(() => {});
fetch('/unstable/to-metadata').catch(() => {});
</script>`;
    return html(
      page({
        title: 'Fuite (synthétique)',
        body: `<main><h1>Les solutions</h1><div id="liste"></div></main>${probe}<script>${CLIENT_SCRIPT}</script>`,
      }),
    );
  }
  // A "Charger plus" button that does nothing (a broken script on the partner's side).
  if (path === '/js/bouton-casse') {
    return html(
      page({
        title: 'Bouton cassé (synthétique)',
        body: '<main><article class="projet"><h3><a href="/js/projet/x">Seul projet visible</a></h3></article><button type="button" id="charger-plus">Charger plus</button></main>',
      }),
    );
  }
  if (path === '/js/api/items') {
    const offset = Math.max(0, Number(ctx.url.searchParams.get('offset') ?? '0') || 0);
    const limit = Math.min(
      20,
      Math.max(1, Number(ctx.url.searchParams.get('limit') ?? `${JS_BATCH}`) || JS_BATCH),
    );
    const items = JS_PROJECTS.slice(offset, offset + limit).map(
      ({ slug, name, carrier, city, postalCode, description }) => ({
        slug,
        name,
        carrier,
        city,
        postalCode,
        description,
      }),
    );
    return {
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({ total: JS_PROJECTS.length, items }),
    };
  }
  const match = path.match(/^\/js\/projet\/([a-z0-9-]+)$/);
  const project = match && JS_PROJECTS.find((p) => p.slug === match[1]);
  if (project) {
    return html(
      page({
        title: project.name,
        body: `<article class="solution"><h1>${e(project.name)}</h1><p class="porteur">${e(project.carrier)}</p><p class="lieu">${e(project.city)} (${project.postalCode})</p><p class="resume">${e(project.description)}</p></article>`,
      }),
    );
  }
  return notFound();
};
