import { XMLParser } from 'fast-xml-parser';
import { InvalidParameterError } from '../../errors.ts';
import { collapseSpaces } from './html-page.ts';
import { sanitizeHtml } from './sanitize-html.ts';

/** One RSS or Atom entry in a common shape; feed field paths read these names. */
export interface FeedEntry {
  id: string | null;
  title: string | null;
  link: string | null;
  summary: string | null;
  content: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  categories: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'category', 'link', 'dc:subject'].includes(name),
  // Entities beyond XML's five are not expanded: no entity-expansion tricks.
  processEntities: true,
  htmlEntities: false,
});

/** Reads RSS 2.0, RSS 1.0 (RDF) and Atom; throws InvalidParameterError on anything else. */
export function readFeed(xml: string, feedUrl: string): FeedEntry[] {
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidParameterError(
      'feed',
      `${feedUrl} is not well-formed XML (${(error as Error).message})`,
    );
  }
  const rss = obj(document.rss);
  const rdf = obj(document['rdf:RDF']);
  const atom = obj(document.feed);
  if (rss) return list(obj(rss.channel)?.item).map((item) => fromRss(item, feedUrl));
  if (rdf) return list(rdf.item).map((item) => fromRss(item, feedUrl));
  if (atom) return list(atom.entry).map((entry) => fromAtom(entry, feedUrl));
  throw new InvalidParameterError('feed', `${feedUrl} is neither an RSS nor an Atom feed`);
}

function fromRss(raw: unknown, feedUrl: string): FeedEntry {
  const item = obj(raw) ?? {};
  const link = absolute(text(list(item.link)[0]), feedUrl);
  return {
    id: text(item.guid) ?? link,
    title: plain(item.title),
    link,
    summary: html(item.description, link ?? feedUrl),
    content: html(item['content:encoded'], link ?? feedUrl),
    published: text(item.pubDate) ?? text(item['dc:date']),
    updated: null,
    author: plain(item.author) ?? plain(item['dc:creator']),
    categories: [...list(item.category), ...list(item['dc:subject'])].map(plain).filter(isString),
  };
}

function fromAtom(raw: unknown, feedUrl: string): FeedEntry {
  const entry = obj(raw) ?? {};
  const links = list(entry.link)
    .map(obj)
    .filter((l) => l !== null);
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const link = absolute(text(alternate?.['@_href']), feedUrl);
  return {
    id: text(entry.id) ?? link,
    title: plain(entry.title),
    link,
    summary: html(entry.summary, link ?? feedUrl),
    content: html(entry.content, link ?? feedUrl),
    published: text(entry.published),
    updated: text(entry.updated),
    author: plain(obj(entry.author)?.name),
    categories: list(entry.category)
      .map((c) => text(obj(c)?.['@_term']) ?? text(obj(c)?.['@_label']) ?? text(c))
      .filter(isString),
  };
}

function obj(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  const node = obj(value);
  if (node && '#text' in node) return text(node['#text']);
  return null;
}

/** Feed descriptions are HTML: kept, but through the same allowlist as HTML fields. */
function html(value: unknown, base: string): string | null {
  const t = text(value);
  return t === null ? null : sanitizeHtml(t, base) || null;
}

function plain(value: unknown): string | null {
  const t = text(value);
  return t === null ? null : collapseSpaces(t);
}

function absolute(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function isString(value: string | null): value is string {
  return value !== null;
}
