import type { FileSourceConfig, JsonField } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { keyOf } from './html-item-fields.ts';
import { readJsonFields } from './json-item-fields.ts';
import { readFileRows } from './read-file-rows.ts';

/** A file at a URL: one record per row; every column is a field unless `fields` says otherwise. */
export async function crawlFile(config: FileSourceConfig, state: CrawlState): Promise<void> {
  if (!state.takeListingPage()) return;
  const fetched = await state.fetch(config.url, { purpose: 'file' });
  if (!fetched) return;
  let rows: Record<string, unknown>[];
  try {
    rows = await readFileRows(fetched, config);
  } catch (error) {
    state.fail(fetched.url, (error as Error).message);
    return;
  }
  state.itemsFound += rows.length;
  if (rows.length > state.remaining) {
    state.cut(`the limit of ${state.limit} items was reached`);
    rows = rows.slice(0, state.remaining);
  }
  for (const row of rows) {
    const fields = config.fields ?? columnsOf(row);
    const values = readJsonFields(fields, row, fetched.url, state);
    const key = keyOf(
      values[config.key] ?? (typeof row[config.key] === 'string' ? (row[config.key] as string) : null),
    );
    state.add({ key, fields: values, sourceUrl: null });
  }
}

function columnsOf(row: Record<string, unknown>): Record<string, JsonField> {
  return Object.fromEntries(
    Object.keys(row).map((column) => [
      column,
      { path: `[${JSON.stringify(column)}]`, multiple: false, resolveUrl: false },
    ]),
  );
}
