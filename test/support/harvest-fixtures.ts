import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  FetchedPage,
  FetchOptions,
  FetchPage,
} from '../../src/lib/server/harvest/extract/crawl-types.ts';

const DIR = 'test/fixtures/harvest';

/** URL → saved synthetic page (see test/fixtures/harvest/README.md). */
export const FIXTURE_SITES: Record<string, string> = {
  'https://drupal.example/projets': 'drupal/page-0.html',
  'https://drupal.example/projets?page=1': 'drupal/page-1.html',
  'https://joomla.example/index.php?option=com_sobi2&Itemid=5&limitstart=0': 'joomla/listing-0.html',
  'https://joomla.example/index.php?option=com_sobi2&Itemid=5&limitstart=3': 'joomla/listing-3.html',
  'https://joomla.example/index.php?option=com_sobi2&Itemid=5&limitstart=6': 'joomla/listing-6.html',
  ...Object.fromEntries(
    [11, 12, 13, 14].flatMap((id) => [
      [
        `https://joomla.example/index.php?option=com_sobi2&sobi2Task=sobi2Details&sobi2Id=${id}&Itemid=5`,
        `joomla/detail-${id}.html`,
      ],
      [`https://joomla.example/projet/${id}`, `joomla/detail-${id}.html`],
    ]),
  ),
  'https://joomla.example/sitemap.xml': 'sitemap/index.xml',
  'https://joomla.example/sitemap-pages.xml': 'sitemap/pages.xml',
  'https://wp.example/projets/': 'wordpress/page-1.html',
  'https://wp.example/projets/page/2/': 'wordpress/page-2.html',
  'https://api.example/v1/projects?page=1': 'api/page-1.json',
  'https://api.example/v1/projects?page=2': 'api/page-2.json',
  'https://blog.example/feed/': 'feed/rss.xml',
  'https://atom.example/feed.atom': 'feed/atom.xml',
  'https://messy.example/': 'messy/index.html',
};

export interface FixtureFetcher {
  fetchPage: FetchPage;
  /** Every call, in order, with the options the crawl passed. */
  calls: { url: string; options: FetchOptions | undefined }[];
}

/**
 * A fake fetcher over the saved pages: unknown URLs answer 404; `overrides` replaces the file of
 * a URL (e.g. the redesigned site) or makes it fail with a status.
 */
export function fixtureFetcher(overrides: Record<string, string | number> = {}): FixtureFetcher {
  const calls: FixtureFetcher['calls'] = [];
  const fetchPage: FetchPage = async (url, options) => {
    calls.push({ url, options });
    const target = url in overrides ? overrides[url] : FIXTURE_SITES[url];
    if (target === undefined) return page(url, 404, 'not found');
    if (typeof target === 'number') return page(url, target, 'error');
    const contentType = target.endsWith('.json')
      ? 'application/json'
      : target.endsWith('.xml')
        ? 'application/xml'
        : 'text/html; charset=utf-8';
    return page(url, 200, readFileSync(path.join(DIR, target), 'utf8'), contentType);
  };
  return { fetchPage, calls };
}

function page(
  url: string,
  status: number,
  body: string,
  contentType: string | null = 'text/plain',
): FetchedPage {
  return { url, status, contentType, body };
}
