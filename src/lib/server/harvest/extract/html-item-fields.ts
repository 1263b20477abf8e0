import type { HtmlField } from '../config/source-config.schema.ts';
import type { CrawlState } from './crawl-state.ts';
import { type FieldValue, finishField, isFilled } from './field-values.ts';
import type { HtmlPage, PageNode } from './html-page.ts';

/**
 * The fields of one item: read in the listing item, in the detail page, or in the item and
 * then (when empty) the detail page, as each field says. Counts fills for the diagnostics.
 */
export function readHtmlFields(
  fields: Record<string, HtmlField>,
  where: { listing?: HtmlPage; item?: PageNode; detail?: HtmlPage | null },
  state: CrawlState,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.constant !== undefined) {
      out[name] = field.constant;
      continue;
    }
    let value: FieldValue = null;
    if (field.from !== 'detail' && where.listing) {
      const raw = where.listing.values(field.selector, where.item, field.value, field.attribute);
      value = finishField(raw, field, where.listing.url);
    }
    // Without a listing (sitemap pages, feed links) the detail page is the only place to look.
    if (!isFilled(value) && (field.from !== 'item' || !where.listing) && where.detail) {
      const raw = where.detail.values(field.selector, undefined, field.value, field.attribute);
      value = finishField(raw, field, where.detail.url);
    }
    state.countField(name, value, 'selector');
    out[name] = value;
  }
  return out;
}

/** A field's value as a record key: one text, or several joined. */
export function keyOf(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? value.join('|') || null : value || null;
}
