import type { JsonSourceConfig } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { resolveUrl } from './field-values.ts';
import { keyOf } from './html-item-fields.ts';
import { readJsonFields } from './json-item-fields.ts';
import { readJsonPath } from './json-path.ts';
import { templateUrl } from './template-url.ts';

/** A JSON API: items at a path in each response, pages by next field, page count or template. */
export async function crawlJson(config: JsonSourceConfig, state: CrawlState): Promise<void> {
  const pagination = config.pagination;
  const queue = [...config.startUrls];
  const visited = new Set<string>();
  let templatePage = 0;
  let pageCountSeen = false;
  while (queue.length) {
    const url = queue.shift() as string;
    if (visited.has(url)) continue;
    if (state.full) {
      state.cut(`the limit of ${state.limit} items was reached`);
      break;
    }
    if (!state.takeListingPage()) {
      state.cut(`maxPages (${state.maxPages}) was reached before the last page`);
      break;
    }
    visited.add(url);
    const fetched = await state.fetch(url, { purpose: 'api' });
    if (!fetched) continue;
    let document: unknown;
    try {
      document = JSON.parse(fetched.body);
    } catch (error) {
      state.fail(fetched.url, `not JSON (${(error as Error).message})`);
      continue;
    }
    const found = readJsonPath(document, config.items);
    const items = found.length === 1 && Array.isArray(found[0]) ? found[0] : found;
    if (!items.length)
      state.messages.push(`the items path "${config.items}" found nothing on ${fetched.url}`);
    state.itemsFound += items.length;
    let kept = items;
    if (items.length > state.remaining) {
      state.cut(`the limit of ${state.limit} items was reached`);
      kept = items.slice(0, state.remaining);
    }
    let newItems = 0;
    for (const item of kept) {
      const fields = readJsonFields(config.fields, item, fetched.url, state);
      const key = keyOf(fields[config.key]);
      const link = config.sourceUrl ? keyOf(fields[config.sourceUrl]) : null;
      if (key && !state.hasKey(key)) newItems++;
      state.add({ key, fields, sourceUrl: link ? resolveUrl(link, fetched.url) : null });
    }

    if (pagination?.type === 'next-field') {
      const [next] = readJsonPath(document, pagination.path);
      const nextUrl = typeof next === 'string' && next.trim() ? resolveUrl(next, fetched.url) : null;
      if (nextUrl && !visited.has(nextUrl)) queue.unshift(nextUrl);
    } else if (pagination?.type === 'page-count' && !pageCountSeen) {
      pageCountSeen = true;
      const [count] = readJsonPath(document, pagination.path);
      const pages = Number(count);
      if (Number.isFinite(pages)) {
        for (let page = 2; page <= pages; page++)
          queue.push(pagination.template.replaceAll('{page}', String(page)));
      } else {
        state.messages.push(`the page count path "${pagination.path}" found no number on ${fetched.url}`);
      }
    } else if (pagination?.type === 'url-template' && items.length && newItems) {
      templatePage++;
      queue.unshift(templateUrl(pagination, templatePage));
    }
  }
}
