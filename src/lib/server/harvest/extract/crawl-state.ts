import type {
  CrawlDiagnostics,
  CrawlResult,
  FetchedPage,
  FetchOptions,
  FetchPage,
  HarvestedRecord,
} from './crawl-types.ts';
import { type FieldValue, isFilled } from './field-values.ts';

const PREVIEW_LIMIT = 20;

/**
 * The bookkeeping every kind of crawl shares: the page budget, fetch errors, the record list
 * (first occurrence of a key wins), the item limit, and per-field fill counts for diagnostics.
 */
export class CrawlState {
  readonly records: HarvestedRecord[] = [];
  readonly errors: { url: string; reason: string }[] = [];
  readonly messages: string[] = [];
  private readonly keys = new Set<string>();
  private readonly cutReasons = new Set<string>();
  private readonly fieldCounts = new Map<string, { items: number; matched: number; noun: string }>();
  private listingPages = 0;
  private fetched = 0;
  private duplicates: string[] = [];
  private keyless = 0;
  itemsFound = 0;
  readonly maxPages: number;
  readonly limit: number | undefined;

  constructor(
    private readonly fetchPage: FetchPage,
    config: { kind: string; maxPages: number; maxItems?: number | undefined },
    options: { limit?: number; preview?: boolean },
  ) {
    // A preview reads the first page; a sitemap index needs a second one to reach any page.
    this.maxPages = options.preview
      ? Math.min(config.maxPages, config.kind === 'sitemap' ? 2 : 1)
      : config.maxPages;
    const limits = [config.maxItems, options.limit, options.preview ? PREVIEW_LIMIT : undefined].filter(
      (n): n is number => n !== undefined,
    );
    this.limit = limits.length ? Math.min(...limits) : undefined;
  }

  /** Room for another listing (or API, feed, sitemap) page within maxPages? */
  takeListingPage(): boolean {
    if (this.listingPages >= this.maxPages) return false;
    this.listingPages++;
    return true;
  }

  /** Records that pagination went on beyond what this run read. */
  cut(reason: string): void {
    this.cutReasons.add(reason);
  }

  get full(): boolean {
    return this.limit !== undefined && this.records.length >= this.limit;
  }

  get remaining(): number {
    return this.limit === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(0, this.limit - this.records.length);
  }

  /** Fetches a page; a thrown error or a non-2xx status is recorded and gives null. */
  /**
   * `pastTheEnd`: a page guessed from a URL template (page N+1, offset +5). Sites answer
   * 404 or 410 past their last page: that ends the list, it is not a failure.
   */
  async fetch(url: string, options: FetchOptions, pastTheEnd = false): Promise<FetchedPage | null> {
    this.fetched++;
    try {
      const page = await this.fetchPage(url, options);
      if (pastTheEnd && (page.status === 404 || page.status === 410)) return null;
      if (page.status < 200 || page.status > 299) {
        this.fail(url, `HTTP ${page.status}`);
        return null;
      }
      return page;
    } catch (error) {
      this.fail(url, error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  fail(url: string, reason: string): void {
    this.errors.push({ url, reason });
    this.cutReasons.add('a page could not be read');
  }

  /** Counts whether a field found a value on one item ("selector" or "path" in messages). */
  countField(name: string, value: FieldValue, noun: 'selector' | 'path' | 'value'): void {
    const counts = this.fieldCounts.get(name) ?? { items: 0, matched: 0, noun };
    counts.items++;
    if (isFilled(value)) counts.matched++;
    this.fieldCounts.set(name, counts);
  }

  /** Keeps the record unless its key is empty or already seen in this run. */
  add(record: { key: string | null; fields: Record<string, FieldValue>; sourceUrl: string | null }): void {
    if (!record.key) {
      this.keyless++;
      return;
    }
    if (this.keys.has(record.key)) {
      this.duplicates.push(record.key);
      return;
    }
    this.keys.add(record.key);
    this.records.push({ key: record.key, fields: record.fields, sourceUrl: record.sourceUrl });
  }

  hasKey(key: string): boolean {
    return this.keys.has(key);
  }

  result(): CrawlResult {
    const diagnostics: CrawlDiagnostics = {
      itemsFound: this.itemsFound,
      fields: {},
      messages: [...this.messages],
    };
    for (const [name, c] of this.fieldCounts) {
      diagnostics.fields[name] = {
        items: c.items,
        matched: c.matched,
        fillRate: c.items ? Math.round((c.matched / c.items) * 1000) / 1000 : 0,
      };
      if (c.matched < c.items) {
        const label = /\s/.test(name) ? `"${name}"` : name;
        const verb = c.noun === 'selector' ? 'matched' : 'found';
        const hint = c.matched === 0 && c.items > 1 ? ': the site may have changed' : '';
        diagnostics.messages.push(
          `the ${label} ${c.noun} ${verb} nothing on ${c.items - c.matched} of ${c.items} items${hint}`,
        );
      }
    }
    if (this.duplicates.length) {
      diagnostics.messages.push(
        `${this.duplicates.length} items repeated a key already seen in this run and were skipped (first: ${this.duplicates[0]})`,
      );
    }
    if (this.keyless) diagnostics.messages.push(`${this.keyless} items had no key and were skipped`);
    for (const reason of this.cutReasons) diagnostics.messages.push(`partial run: ${reason}`);
    return {
      records: this.records,
      pagesFetched: this.fetched,
      errors: this.errors,
      complete: this.cutReasons.size === 0,
      incompleteBecause: [...this.cutReasons],
      diagnostics,
    };
  }
}
