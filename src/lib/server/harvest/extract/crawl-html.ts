import type { HtmlSourceConfig } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import type { FetchOptions } from './crawl-types.ts';
import { resolveUrl } from './field-values.ts';
import { keyOf, readHtmlFields } from './html-item-fields.ts';
import type { HtmlPage, PageNode } from './html-page.ts';
import { pageParserFor } from './parse-html-page.ts';
import { templateUrl } from './template-url.ts';

/**
 * Listing pages → items → optional detail page per item. Listing pages come from the start
 * URLs and the pagination (next link, URL template, or load-more rendered by the fetcher), one
 * after the other so that the order of records is the order of the site.
 */
export async function crawlHtml(config: HtmlSourceConfig, state: CrawlState): Promise<void> {
  const pagination = config.pagination;
  const parse = pageParserFor(
    [config.items, config.detailLink, pagination?.type === 'next-link' ? pagination.selector : undefined],
    config.fields,
  );
  const needsDetail = Object.values(config.fields).some((f) => f.from !== 'item' && f.constant === undefined);
  const render = config.render === 'chromium' ? ('chromium' as const) : undefined;
  const listingOptions: FetchOptions = {
    purpose: 'listing',
    ...(render ? { render } : {}),
    ...(pagination?.type === 'load-more'
      ? {
          loadMore: {
            selector: pagination.selector,
            maxClicks: pagination.maxClicks,
            infiniteScroll: pagination.infiniteScroll,
          },
        }
      : {}),
  };
  const detailPages = new Map<string, Promise<HtmlPage | null>>();
  const fetchDetail = (url: string): Promise<HtmlPage | null> => {
    let page = detailPages.get(url);
    if (!page) {
      page = state
        .fetch(url, { purpose: 'detail', ...(render ? { render } : {}) })
        .then((fetched) => (fetched ? parse(fetched.body, fetched.url) : null));
      detailPages.set(url, page);
    }
    return page;
  };

  let detailLinkMisses = 0;
  let templatePage = 0;
  const templated = new Set<string>();
  const visited = new Set<string>();
  const queue = [...config.startUrls];
  while (queue.length) {
    const url = queue.shift() as string;
    if (visited.has(url)) continue;
    if (state.full) {
      state.cut(`the limit of ${state.limit} items was reached`);
      break;
    }
    if (!state.takeListingPage()) {
      state.cut(`maxPages (${state.maxPages}) was reached before the last listing page`);
      break;
    }
    visited.add(url);
    const fetched = await state.fetch(url, listingOptions, templated.has(url));
    if (!fetched) continue;
    visited.add(fetched.url);
    const page = await parse(fetched.body, fetched.url);
    const nodes: (PageNode | undefined)[] = config.items ? page.select(config.items) : [undefined];
    if (!nodes.length) state.messages.push(`the item selector matched nothing on ${fetched.url}`);
    state.itemsFound += nodes.length;

    let candidates = nodes.map((node) => {
      const href = config.detailLink ? page.link(config.detailLink, node) : null;
      if (config.detailLink && !href) detailLinkMisses++;
      return { node, detailUrl: href ? resolveUrl(href, page.url) : null };
    });
    if (candidates.length > state.remaining) {
      state.cut(`the limit of ${state.limit} items was reached`);
      candidates = candidates.slice(0, state.remaining);
    }
    let newItems = 0;
    const batchSize = config.politeness.concurrency;
    for (let start = 0; start < candidates.length; start += batchSize) {
      const batch = candidates.slice(start, start + batchSize);
      const details = await Promise.all(
        batch.map((c) => (needsDetail && c.detailUrl ? fetchDetail(c.detailUrl) : Promise.resolve(null))),
      );
      batch.forEach((candidate, i) => {
        const detail = details[i] ?? null;
        // A detail page that failed leaves the item out: a half-read item would look changed.
        if (needsDetail && candidate.detailUrl && !detail) return;
        const fields = readHtmlFields(config.fields, { listing: page, item: candidate.node, detail }, state);
        const key = config.key
          ? keyOf(fields[config.key])
          : (candidate.detailUrl ?? (config.items ? null : page.url));
        if (key && !state.hasKey(key)) newItems++;
        state.add({ key, fields, sourceUrl: candidate.detailUrl ?? page.url });
      });
    }

    // Parsed detail pages are shared within one listing page only: keeping every page of a
    // 10,000-item source parsed in memory took the benchmark past 500 MB.
    detailPages.clear();

    if (pagination?.type === 'next-link') {
      const href = page.link(pagination.selector);
      const next = href ? resolveUrl(href, page.url) : null;
      if (next && !visited.has(next)) queue.unshift(next);
    } else if (pagination?.type === 'url-template' && nodes.length && newItems) {
      // Sites that clamp the offset serve the last page again: no new item ends the list too.
      templatePage++;
      const next = templateUrl(pagination, templatePage);
      templated.add(next);
      queue.unshift(next);
    }
  }
  if (detailLinkMisses) {
    state.messages.push(
      `the detailLink selector matched nothing on ${detailLinkMisses} of ${state.itemsFound} items`,
    );
  }
}
