import type { FeedSourceConfig, JsonField } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { readHtmlFields } from './html-item-fields.ts';
import type { HtmlPage } from './html-page.ts';
import { readJsonFields } from './json-item-fields.ts';
import { pageParserFor } from './parse-html-page.ts';
import type { FeedEntry } from './read-feed.ts';
import { readFeed } from './read-feed.ts';

const DEFAULT_FIELDS: Record<string, JsonField> = Object.fromEntries(
  ['title', 'link', 'summary', 'content', 'published', 'updated', 'author'].map((name) => [
    name,
    { path: name, multiple: false, resolveUrl: false },
  ]),
);
DEFAULT_FIELDS.categories = { path: 'categories', multiple: true, resolveUrl: false };

/** RSS/Atom: one record per entry, keyed by its id (else its link); optionally its linked page. */
export async function crawlFeed(config: FeedSourceConfig, state: CrawlState): Promise<void> {
  const fields = config.fields ?? DEFAULT_FIELDS;
  const parse = pageParserFor([], config.detailFields ?? {});
  for (const url of config.startUrls) {
    if (state.full) {
      state.cut(`the limit of ${state.limit} items was reached`);
      break;
    }
    if (!state.takeListingPage()) {
      state.cut(`maxPages (${state.maxPages}) was reached before the last feed`);
      break;
    }
    const fetched = await state.fetch(url, { purpose: 'feed' });
    if (!fetched) continue;
    let entries: FeedEntry[];
    try {
      entries = readFeed(fetched.body, fetched.url);
    } catch (error) {
      state.fail(fetched.url, (error as Error).message);
      continue;
    }
    state.itemsFound += entries.length;
    if (entries.length > state.remaining) {
      state.cut(`the limit of ${state.limit} items was reached`);
      entries = entries.slice(0, state.remaining);
    }
    for (const entry of entries) {
      let detail: HtmlPage | null = null;
      if (config.detailFields && entry.link) {
        const page = await state.fetch(entry.link, { purpose: 'detail' });
        if (!page) continue;
        detail = await parse(page.body, page.url);
      }
      const values = readJsonFields(fields, entry, fetched.url, state);
      if (config.detailFields) Object.assign(values, readHtmlFields(config.detailFields, { detail }, state));
      state.add({ key: entry.id ?? entry.link, fields: values, sourceUrl: entry.link });
    }
  }
}
