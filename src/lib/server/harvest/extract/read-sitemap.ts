import { XMLParser } from 'fast-xml-parser';
import { InvalidParameterError } from '../../errors.ts';

const parser = new XMLParser({
  isArray: (name) => name === 'url' || name === 'sitemap',
  processEntities: true,
});

/** The page URLs of a sitemap, or the child sitemaps of a sitemap index, in document order. */
export function readSitemap(xml: string, sitemapUrl: string): { pages: string[]; sitemaps: string[] } {
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidParameterError(
      'sitemap',
      `${sitemapUrl} is not well-formed XML (${(error as Error).message})`,
    );
  }
  const locs = (container: unknown, key: string): string[] => {
    const entries = (container as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(entries)) return [];
    return entries
      .map((entry) => (entry as { loc?: unknown }).loc)
      .filter((loc): loc is string => typeof loc === 'string' && loc.trim() !== '')
      .map((loc) => loc.trim());
  };
  if (document.urlset !== undefined) return { pages: locs(document.urlset, 'url'), sitemaps: [] };
  if (document.sitemapindex !== undefined)
    return { pages: [], sitemaps: locs(document.sitemapindex, 'sitemap') };
  throw new InvalidParameterError(
    'sitemap',
    `${sitemapUrl} is not a sitemap (no <urlset> or <sitemapindex>)`,
  );
}
