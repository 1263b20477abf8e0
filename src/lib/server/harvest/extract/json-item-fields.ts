import type { JsonField } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { type FieldValue, finishField } from './field-values.ts';
import { readJsonPath } from './json-path.ts';

/** The fields of one JSON item (API item, feed entry, file row), counted for the diagnostics. */
export function readJsonFields(
  fields: Record<string, JsonField>,
  item: unknown,
  pageUrl: string,
  state: CrawlState,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.constant !== undefined) {
      out[name] = field.constant;
      continue;
    }
    const raw = readJsonPath(item, field.path ?? name);
    const value = finishField(raw, field, pageUrl);
    state.countField(name, value, 'path');
    out[name] = value;
  }
  return out;
}
