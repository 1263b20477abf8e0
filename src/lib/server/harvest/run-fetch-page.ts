import type { HarvestConfig } from '../platform/config.ts';
import type { SourceConfig } from './config/source-config.schema.ts';
import type { FetchPage } from './extract/crawl-types.ts';
import {
  createFetcher,
  createRendererForFetcher,
  type Fetcher,
  type FetcherOptions,
  type Renderer,
  rendererOptionsFromConfig,
} from './fetch/index.ts';

export interface RunFetchPage {
  fetchPage: FetchPage;
  /** Pages answered, bytes received on the wire (rendered pages count their HTML). */
  readonly counters: { pages: number; bytes: number };
  /** Why a rendered listing may be cut (a load-more bound reached): the run is then partial. */
  readonly incompleteBecause: string[];
  close(): Promise<void>;
}

/** The fetcher options of one source: the instance's settings, then the source's politeness. */
export function fetcherOptionsForSource(
  harvest: HarvestConfig,
  config: SourceConfig,
  overrides: Partial<FetcherOptions> = {},
): FetcherOptions {
  return {
    contactUrl: harvest.contactUrl,
    allowPrivateNetworks: harvest.allowPrivateNetworks,
    // The instance's delay is a floor: a source may ask for more, never less.
    minDelayMs: Math.max(harvest.minDelayMs, config.politeness.minDelayMs),
    timeoutMs: config.politeness.timeoutMs,
    // The instance's limit is a ceiling a source cannot raise.
    maxBodyBytes: Math.min(config.politeness.maxBodyBytes, harvest.maxBodyBytes),
    perHostConcurrency: config.politeness.concurrency,
    ...overrides,
  };
}

/**
 * What the crawl engine needs (`FetchPage`), built on the polite fetcher and, for JavaScript
 * sources, a Chromium renderer that shares the fetcher's politeness and safety policy. The
 * renderer is only started when a page asks for it. One per run; close it at the end.
 */
export function createRunFetchPage(
  harvest: HarvestConfig,
  config: SourceConfig,
  overrides: Partial<FetcherOptions> = {},
): RunFetchPage {
  const fetcher: Fetcher = createFetcher(fetcherOptionsForSource(harvest, config, overrides));
  let renderer: Renderer | undefined;
  const counters = { pages: 0, bytes: 0 };
  const incompleteBecause: string[] = [];
  const fetchPage: FetchPage = async (url, options) => {
    if (options?.render === 'chromium') {
      renderer ??= createRendererForFetcher(fetcher, rendererOptionsFromConfig(harvest));
      const loadMore = options.loadMore;
      const rendered = await renderer.renderPage(url, {
        ...(loadMore && !loadMore.infiniteScroll
          ? { loadMoreSelector: loadMore.selector, maxClicks: loadMore.maxClicks }
          : {}),
        ...(loadMore?.infiniteScroll ? { scroll: true, maxScrolls: loadMore.maxClicks } : {}),
      });
      if (!rendered.complete) {
        incompleteBecause.push(`the "load more" listing ${url} stopped at a bound before its end`);
      }
      counters.pages++;
      counters.bytes += Buffer.byteLength(rendered.body);
      return {
        url: rendered.url,
        status: rendered.status ?? 200,
        contentType: rendered.contentType ?? 'text/html',
        body: rendered.body,
      };
    }
    const page = await fetcher.fetchPage(url);
    counters.pages++;
    counters.bytes += page.transferredBytes;
    return {
      url: page.url,
      status: page.status,
      contentType: page.contentType,
      body: page.body,
      ...(page.data ? { bytes: page.data } : {}),
    };
  };
  return {
    fetchPage,
    counters,
    incompleteBecause,
    async close() {
      await renderer?.close();
      await fetcher.close();
    },
  };
}
