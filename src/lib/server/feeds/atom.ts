/** An Atom 1.0 (RFC 4287) document, written by hand: a few elements, strictly escaped. */

export interface AtomPerson {
  name: string;
  uri?: string | null;
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  /** ISO 8601 date-times. */
  published: string;
  updated: string;
  summary: string;
  authors: AtomPerson[];
  categories: { term: string; label: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL and the HTML page it follows. */
  self: string;
  alternate: string;
  updated: string;
  lang: string;
  author: AtomPerson;
  entries: AtomEntry[];
}

// Characters XML 1.0 does not allow at all (control characters but tab, newline, return).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element or attribute: forbidden characters removed, markup escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Only http(s) URLs are written as links; others are left out. */
function safeUri(uri: string | null | undefined): string | null {
  return uri && /^https?:\/\//i.test(uri) ? uri : null;
}

function person(tag: 'author', p: AtomPerson): string {
  const uri = safeUri(p.uri);
  return `<${tag}><name>${escapeXml(p.name)}</name>${uri ? `<uri>${escapeXml(uri)}</uri>` : ''}</${tag}>`;
}

function entry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    `    <published>${escapeXml(e.published)}</published>`,
    `    <updated>${escapeXml(e.updated)}</updated>`,
    ...e.authors.map((a) => `    ${person('author', a)}`),
    ...e.categories.map((c) => `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`),
    `    <summary type="text">${escapeXml(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export function writeAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  ${person('author', feed.author)}`,
    '  <generator>Tadata</generator>',
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
