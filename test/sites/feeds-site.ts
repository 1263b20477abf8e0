import iconv from 'iconv-lite';
import { escapeHtml as e, SYNTHETIC_NOTICE } from './html.ts';
import { projectsFor, type SyntheticProject } from './projects.ts';
import { notFound, type SiteHandler } from './site-types.ts';

/**
 * An RSS 2.0 feed and an Atom feed of the same projects, plus the RSS feed encoded in
 * ISO-8859-1/Windows-1252 and declared only in the XML declaration (common on older CMSs).
 */
export const FEED_PROJECTS = projectsFor('feeds', 15);
const UPDATED = Date.UTC(2026, 2, 2, 10, 0, 0);

const dateOf = (p: SyntheticProject) => new Date(UPDATED - p.id * 86_400_000);

function rss(origin: string, encoding: string): string {
  const items = FEED_PROJECTS.map(
    (p) => `<item>
<title>${e(p.name)}</title>
<link>${origin}/feeds/projet/${p.slug}</link>
<guid isPermaLink="false">feeds-${p.id}</guid>
<pubDate>${dateOf(p).toUTCString()}</pubDate>
<dc:creator>${e(p.carrier)}</dc:creator>
${p.tags.map((t) => `<category>${e(t)}</category>`).join('\n')}
<description>${e(`${p.description} (${p.city}, ${p.postalCode})`)}</description>
</item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Initiatives — Agence Synthétique</title>
<link>${origin}/feeds/</link>
<description>${e(SYNTHETIC_NOTICE)}</description>
<language>fr</language>
${items}
</channel>
</rss>
`;
}

function atom(origin: string): string {
  const entries = FEED_PROJECTS.map(
    (p) => `<entry>
<title>${e(p.name)}</title>
<link href="${origin}/feeds/projet/${p.slug}"/>
<id>urn:synthetic:feeds:${p.id}</id>
<updated>${dateOf(p).toISOString()}</updated>
<author><name>${e(p.carrier)}</name></author>
${p.tags.map((t) => `<category term="${e(t)}"/>`).join('\n')}
<summary>${e(`${p.description} (${p.city}, ${p.postalCode})`)}</summary>
</entry>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Initiatives — Agence Synthétique</title>
<subtitle>${e(SYNTHETIC_NOTICE)}</subtitle>
<link href="${origin}/feeds/atom.xml" rel="self"/>
<id>urn:synthetic:feeds</id>
<updated>${new Date(UPDATED).toISOString()}</updated>
${entries}
</feed>
`;
}

export const feedsSite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/feeds/')) return null;
  if (path === '/feeds/rss.xml') {
    return { type: 'application/rss+xml; charset=utf-8', body: rss(ctx.origin, 'utf-8'), cacheable: true };
  }
  if (path === '/feeds/rss-latin1.xml') {
    // No charset in the header: only the XML declaration says how to read the bytes.
    return {
      type: 'application/rss+xml',
      body: iconv.encode(rss(ctx.origin, 'ISO-8859-1'), 'win1252'),
      cacheable: true,
    };
  }
  if (path === '/feeds/atom.xml') {
    return { type: 'application/atom+xml; charset=utf-8', body: atom(ctx.origin), cacheable: true };
  }
  return notFound();
};
