import { tidyText } from './normalize-tag.ts';
import type { Taxonomie2019 } from './taxonomy-sources.ts';

export interface CodeListEntry {
  label: string;
  code: string;
}

/**
 * The 2019 sheet "liste correspondance CODE-TAG" is one flat list: a row whose code cell ends
 * with "- CODE" starts a new list named by its label cell ("Sous-thématiques", "Type de contenus", ...).
 */
export function splitCodeLists(
  rows: Taxonomie2019['v2_code_lists_raw']['data'],
): Map<string, CodeListEntry[]> {
  const lists = new Map<string, CodeListEntry[]>();
  let current: CodeListEntry[] | undefined;
  for (const [label, code] of rows) {
    if (/-\s*CODE\s*$/.test(code)) {
      current = [];
      lists.set(tidyText(label), current);
    } else if (current) {
      current.push({ label: tidyText(label), code: tidyText(code) });
    }
  }
  return lists;
}

/**
 * The data marks projects with TPJ, but the 2019 ApiViz filter asked for TPRO: both mean
 * "Projets". Codes read from partners or old configs go through canonicalContentType.
 */
export const CONTENT_TYPE_ALIASES: Readonly<Record<string, string>> = { TPRO: 'TPJ' };

export function canonicalContentType(code: string): string {
  const upper = code.trim().toUpperCase();
  return CONTENT_TYPE_ALIASES[upper] ?? upper;
}
