import type { SourceConfig } from './config/source-config.schema.ts';
import { crawlFeed } from './extract/crawl-feed.ts';
import { crawlFile } from './extract/crawl-file.ts';
import { crawlHtml } from './extract/crawl-html.ts';
import { crawlJson } from './extract/crawl-json.ts';
import { crawlSitemap } from './extract/crawl-sitemap.ts';
import { CrawlState } from './extract/crawl-state.ts';
import type { CrawlOptions, CrawlResult, FetchPage } from './extract/crawl-types.ts';

export type {
  CrawlOptions,
  CrawlResult,
  FetchedPage,
  FetchOptions,
  FetchPage,
  HarvestedRecord,
} from './extract/crawl-types.ts';

/**
 * Runs a source config through an injected fetcher and returns the records in the site's order,
 * with per-field diagnostics. Pure apart from `fetchPage`: no database, no network of its own.
 * `complete` is false when anything was cut or failed: the caller must then mark nothing gone.
 */
export async function crawlSource(
  config: SourceConfig,
  fetchPage: FetchPage,
  options: CrawlOptions = {},
): Promise<CrawlResult> {
  const state = new CrawlState(fetchPage, config, options);
  switch (config.kind) {
    case 'html':
      await crawlHtml(config, state);
      break;
    case 'json':
      await crawlJson(config, state);
      break;
    case 'feed':
      await crawlFeed(config, state);
      break;
    case 'sitemap':
      await crawlSitemap(config, state);
      break;
    case 'file':
      await crawlFile(config, state);
      break;
  }
  return state.result();
}
