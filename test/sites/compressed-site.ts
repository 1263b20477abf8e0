import { escapeHtml as e, page } from './html.ts';
import { projectsFor } from './projects.ts';
import { html, notFound, type Reply, type SiteHandler } from './site-types.ts';

/** The same listing under /compressed/{gzip,br,deflate,deflate-raw}, compressed when the client accepts it. */
export const COMPRESSED_PROJECTS = projectsFor('compressed', 12);

const ENCODINGS = ['gzip', 'br', 'deflate', 'deflate-raw'] as const;

export const compressedSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/compressed/')) return null;
  const encoding = ENCODINGS.find((name) => path === `/compressed/${name}`);
  if (!encoding) return notFound();
  const items = COMPRESSED_PROJECTS.map(
    (p) => `<li class="projet"><span class="nom">${e(p.name)}</span> — ${e(p.city)}</li>`,
  ).join('\n');
  const reply: Reply = html(
    page({ title: `Compression ${encoding}`, body: `<ul class="projets">\n${items}\n</ul>` }),
  );
  return { ...reply, encoding };
};
