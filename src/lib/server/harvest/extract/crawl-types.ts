import type { FieldValue } from './field-values.ts';

/** What the fetcher returns for one URL (after redirects: `url` is the final address). */
export interface FetchedPage {
  url: string;
  status: number;
  contentType: string | null;
  /** The body decoded to text (charset detected by the fetcher). */
  body: string;
  /** The raw bytes, needed for binary files (XLSX); optional for everything else. */
  bytes?: Uint8Array;
}

/** What the crawl asks of the fetcher beyond the URL (rendering lives on the fetcher's side). */
export interface FetchOptions {
  purpose: 'listing' | 'detail' | 'api' | 'feed' | 'sitemap' | 'file';
  /** Run the page's JavaScript in Chromium before returning its HTML. */
  render?: 'chromium';
  /** With render: click this button (or scroll) until it disappears or maxClicks is reached. */
  loadMore?: { selector: string; maxClicks: number; infiniteScroll: boolean };
}

/** Injected by the caller: the polite fetcher in a run, saved fixtures in tests. May throw. */
export type FetchPage = (url: string, options?: FetchOptions) => Promise<FetchedPage>;

export interface HarvestedRecord {
  /** Identifies the item across runs: its detail URL by default, or the config's key field. */
  key: string;
  fields: Record<string, FieldValue>;
  /** The item's page on the partner's site, when known. */
  sourceUrl: string | null;
}

export interface FieldDiagnostic {
  /** Items the field was looked up on. */
  items: number;
  /** Items where it found a value. */
  matched: number;
  /** matched / items, 0 when there were no items. */
  fillRate: number;
}

export interface CrawlDiagnostics {
  itemsFound: number;
  fields: Record<string, FieldDiagnostic>;
  /** Plain-language findings, e.g. "the title selector matched nothing on 48 of 50 items". */
  messages: string[];
}

export interface CrawlResult {
  records: HarvestedRecord[];
  pagesFetched: number;
  errors: { url: string; reason: string }[];
  /**
   * True only when every page was read and nothing was cut by maxPages, maxItems or the limit.
   * Only a complete crawl may mark missing records gone.
   */
  complete: boolean;
  /** Why the crawl is not complete (empty when it is). */
  incompleteBecause: string[];
  diagnostics: CrawlDiagnostics;
}

export interface CrawlOptions {
  /** Keep at most this many records (a run cut by it is partial). */
  limit?: number;
  /** Read the first listing page only (and at most `limit`, default 20, items); for previews. */
  preview?: boolean;
}
