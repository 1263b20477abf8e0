import { escapeHtml as e } from './html.ts';
import { benchProject } from './projects.ts';
import { notFound, type SiteHandler } from './site-types.ts';

/**
 * The benchmark site: /bench/list?page=P lists BENCH_PAGE_SIZE detail pages /bench/p/I, with a
 * `a.next` link; the number of detail pages comes from ?n= or from the server's option. Built
 * with plain string concatenation and no validators or compression, so serving stays cheap next
 * to the harvester being measured.
 */
export const BENCH_PAGE_SIZE = 50;

const NOTICE = '<p class="synthetic-notice">Site synthétique de banc d’essai de Tadata.</p>';

export const benchSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/bench/')) return null;
  const n = Math.min(1_000_000, Number(ctx.url.searchParams.get('n') ?? ctx.benchPages) || ctx.benchPages);
  if (path === '/bench/list') {
    const pages = Math.ceil(n / BENCH_PAGE_SIZE);
    const p = Number(ctx.url.searchParams.get('page') ?? '1');
    if (!Number.isInteger(p) || p < 1 || p > pages) return notFound();
    const suffix = ctx.url.searchParams.has('n') ? `&n=${n}` : '';
    let items = '';
    for (let i = (p - 1) * BENCH_PAGE_SIZE + 1; i <= Math.min(n, p * BENCH_PAGE_SIZE); i++) {
      items += `<li class="item"><a href="/bench/p/${i}">Projet ${i}</a></li>\n`;
    }
    const next = p < pages ? `<a class="next" href="/bench/list?page=${p + 1}${suffix}">Suivant</a>` : '';
    const body = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Banc ${p}</title></head><body>${NOTICE}<ul class="items">\n${items}</ul>${next}</body></html>`;
    return { type: 'text/html; charset=utf-8', body };
  }
  const match = path.match(/^\/bench\/p\/(\d+)$/);
  const i = Number(match?.[1]);
  // Detail pages exist for any id: the listing decides how many are linked.
  if (!match || i < 1 || i > 1_000_000) return notFound();
  const p = benchProject(i);
  const body = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${e(p.name)}</title></head><body>${NOTICE}
<article class="projet" data-id="${p.id}"><h1 class="nom">${e(p.name)}</h1>
<p class="porteur">${e(p.carrier)}</p><p class="lieu"><span class="ville">${e(p.city)}</span> <span class="cp">${p.postalCode}</span></p>
<div class="resume">${e(p.description)}</div>
<ul class="tags">${p.tags.map((t) => `<li>${e(t)}</li>`).join('')}</ul>
<a class="contact" href="mailto:${p.contactEmail}">${p.contactEmail}</a></article></body></html>`;
  return { type: 'text/html; charset=utf-8', body };
};
