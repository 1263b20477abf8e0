import type { SitemapSourceConfig } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { resolveUrl } from './field-values.ts';
import { readHtmlFields } from './html-item-fields.ts';
import { pageParserFor } from './parse-html-page.ts';
import { readSitemap } from './read-sitemap.ts';

/** Sitemaps (and sitemap indexes) list pages; those matching urlPattern are read as items. */
export async function crawlSitemap(config: SitemapSourceConfig, state: CrawlState): Promise<void> {
  const pattern = new RegExp(config.urlPattern, 'u');
  const parse = pageParserFor([], config.fields);
  const sitemaps = [...config.startUrls];
  const seenSitemaps = new Set<string>();
  const pages: string[] = [];
  const seenPages = new Set<string>();
  while (sitemaps.length) {
    const url = sitemaps.shift() as string;
    if (seenSitemaps.has(url)) continue;
    if (!state.takeListingPage()) {
      state.cut(`maxPages (${state.maxPages}) was reached before the last sitemap`);
      break;
    }
    seenSitemaps.add(url);
    const fetched = await state.fetch(url, { purpose: 'sitemap' });
    if (!fetched) continue;
    try {
      const found = readSitemap(fetched.body, fetched.url);
      sitemaps.unshift(...found.sitemaps.map((s) => resolveUrl(s, fetched.url)).filter((s) => s !== null));
      for (const page of found.pages) {
        const absolute = resolveUrl(page, fetched.url);
        if (absolute && pattern.test(absolute) && !seenPages.has(absolute)) {
          seenPages.add(absolute);
          pages.push(absolute);
        }
      }
    } catch (error) {
      state.fail(fetched.url, (error as Error).message);
    }
  }
  state.itemsFound += pages.length;
  if (!pages.length) state.messages.push(`no sitemap URL matched the pattern ${config.urlPattern}`);
  let todo = pages;
  if (pages.length > state.remaining) {
    state.cut(`the limit of ${state.limit} items was reached`);
    todo = pages.slice(0, state.remaining);
  }
  const batchSize = config.politeness.concurrency;
  for (let start = 0; start < todo.length; start += batchSize) {
    const batch = todo.slice(start, start + batchSize);
    const fetched = await Promise.all(batch.map((url) => state.fetch(url, { purpose: 'detail' })));
    for (const [i, page] of fetched.entries()) {
      if (!page) continue;
      const detail = await parse(page.body, page.url);
      const fields = readHtmlFields(config.fields, { detail }, state);
      state.add({ key: batch[i] ?? page.url, fields, sourceUrl: page.url });
    }
  }
}
