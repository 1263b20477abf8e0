import type { Queryable } from '../platform/db/database.ts';
import { crosswalk2018To2019 } from './crosswalk-2018-2019.ts';
import { normalizeTag } from './normalize-tag.ts';
import { ANY_PARTNER } from './read-tag-rules.ts';

/** What a rule needs to say for mapping; tag_rule rows and readTagRules() both fit. */
export interface TagRuleInput {
  partnerKey: string;
  tag: string;
  codes: readonly string[];
}

export interface TagMapping {
  /** 2018 nomenclature codes, each once, in the order met. */
  codes2018: string[];
  /** 2019 themes and sub-themes reached through the crosswalk. */
  themes: string[];
  subthemes: string[];
  /** The partner's tags that no rule knows, as first given (trimmed), each once. */
  unmapped: string[];
}

export interface TagMapper {
  mapTags(partnerKey: string, tags: readonly string[]): TagMapping;
}

/**
 * Maps a partner's own tags to the taxonomy: the partner's rules first, then the rules every
 * partner shares ('*'). Partner names match whatever their case, accents and punctuation
 * ("Bretagne Creative" finds the rules of "Bretagne Créative").
 */
export function createTagMapper(rules: readonly TagRuleInput[]): TagMapper {
  // partner key (normalised) → normalised tag → codes
  const index = new Map<string, Map<string, string[]>>();
  for (const rule of rules) {
    const partner = partnerIndexKey(rule.partnerKey);
    const tag = normalizeTag(rule.tag);
    const byTag = index.get(partner) ?? new Map<string, string[]>();
    index.set(partner, byTag);
    // Two spellings of one partner may now meet on the same tag: keep every code.
    byTag.set(tag, [...new Set([...(byTag.get(tag) ?? []), ...rule.codes])]);
  }
  const shared = index.get(ANY_PARTNER);

  return {
    mapTags(partnerKey, tags) {
      const own = index.get(partnerIndexKey(partnerKey));
      const codes = new Set<string>();
      const unmapped = new Map<string, string>(); // normalised → first spelling met
      for (const tag of tags) {
        const key = normalizeTag(tag);
        if (!key) continue;
        const found = own?.get(key) ?? shared?.get(key);
        if (found) for (const code of found) codes.add(code);
        else if (!unmapped.has(key)) unmapped.set(key, tag.trim());
      }
      const codes2018 = [...codes];
      return { codes2018, ...crosswalk2018To2019(codes2018), unmapped: [...unmapped.values()] };
    },
  };
}

export async function loadTagMapper(db: Queryable): Promise<TagMapper> {
  const rows = await db.query<{ partner_key: string; tag: string; codes: string[] }>(
    'SELECT partner_key, tag, codes FROM tag_rule ORDER BY id',
  );
  return createTagMapper(
    rows.map((row) => ({ partnerKey: row.partner_key, tag: row.tag, codes: row.codes })),
  );
}

function partnerIndexKey(partnerKey: string): string {
  const trimmed = partnerKey.trim();
  return trimmed === ANY_PARTNER ? ANY_PARTNER : normalizeTag(trimmed);
}
