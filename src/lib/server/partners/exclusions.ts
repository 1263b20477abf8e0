import { z } from 'zod';
import { normalizeUrl } from '../text/normalize-contact.ts';

/**
 * A partner's exclusion (charter): an item given by the URL of its page, by its id at the
 * source, or by a pattern on its page URL ("*" for any characters, e.g. "https://x.org/archives/*").
 */
export const exclusionSchema = z
  .object({ kind: z.enum(['url', 'id', 'pattern']), value: z.string().trim().min(1) })
  .strict();
export type Exclusion = z.infer<typeof exclusionSchema>;

export function parseExclusions(value: unknown): Exclusion[] {
  return z.array(exclusionSchema).parse(value);
}

export interface ExcludableItem {
  /** The raw record's stable key ("id:42", "name:…", or a URL). */
  stableKey: string;
  /** The project's page on the partner's site. */
  sourceUrl: string | null;
}

const comparableUrl = (url: string | null) => (url ? (normalizeUrl(url) ?? url).replace(/\/+$/, '') : null);

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** A compiled matcher: built once per partner and run, one call per record. */
export function exclusionMatcher(exclusions: readonly Exclusion[]): (item: ExcludableItem) => boolean {
  if (!exclusions.length) return () => false;
  const urls = new Set(exclusions.filter((e) => e.kind === 'url').map((e) => comparableUrl(e.value)));
  const ids = new Set(exclusions.filter((e) => e.kind === 'id').map((e) => e.value));
  const patterns = exclusions.filter((e) => e.kind === 'pattern').map((e) => globToRegExp(e.value));
  return (item) => {
    const url = comparableUrl(item.sourceUrl);
    const id = item.stableKey.replace(/^id:/, '');
    if (ids.has(item.stableKey) || ids.has(id)) return true;
    if (url && urls.has(url)) return true;
    return patterns.some((p) => (url !== null && p.test(url)) || p.test(item.stableKey));
  };
}
