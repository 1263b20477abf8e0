import type { HtmlField, JsonField } from '../config/source-config.schema.ts';

/** A field's value in a record: one text, several, or nothing found. */
export type FieldValue = string | string[] | null;

/**
 * Turns the raw values a selector or path found into the field's value: regex capture, URL
 * resolution, then one value, a list, or a joined text. Empty strings count as not found.
 */
export function finishField(
  raw: readonly unknown[],
  field: HtmlField | JsonField,
  pageUrl: string,
): FieldValue {
  if (field.constant !== undefined) return field.constant;
  const pattern = field.regex ? new RegExp(field.regex, 'u') : null;
  const values: string[] = [];
  for (const item of raw.flat()) {
    let text = scalarText(item);
    if (text === null) continue;
    if (pattern) {
      const match = text.match(pattern);
      if (!match) continue;
      text = (match[1] ?? match[0]).trim();
    }
    if (field.resolveUrl) {
      const url = resolveUrl(text, pageUrl);
      if (!url) continue;
      text = url;
    }
    if (text !== '') values.push(text);
  }
  if (!values.length) return null;
  if (field.join !== undefined) return values.join(field.join);
  return field.multiple ? values : (values[0] ?? null);
}

export function resolveUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  // An object where a text was expected: kept as JSON rather than lost.
  return JSON.stringify(value);
}

export function isFilled(value: FieldValue): boolean {
  return value !== null && (!Array.isArray(value) || value.length > 0);
}
