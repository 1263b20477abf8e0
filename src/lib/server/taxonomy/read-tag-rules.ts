import { normalizeTag, tidyText } from './normalize-tag.ts';
import { readNomenclature2018, type SourceTagRule } from './taxonomy-sources.ts';

/** The origin recorded on every rule that comes from NORMALIZATION_TAGS_SOURCES_CIS. */
export const TAG_RULE_ORIGIN = 'cis-2018';

/** Rules under this partner key apply to every partner. */
export const ANY_PARTNER = '*';

/** One row of tag_rule: a partner's own tag and the 2018 tag codes it means. */
export interface TagRule {
  partnerKey: string;
  tag: string;
  tagNormalized: string;
  codes: string[];
}

export interface MergedTagRules {
  rules: TagRule[];
  /** The (partner, normalised tag) pairs the source lists more than once, and how many times. */
  duplicates: { partnerKey: string; tagNormalized: string; rows: number }[];
}

/** The 2018 partner-tag rules, one per (partner, normalised tag). */
export function readTagRules(): TagRule[] {
  const nomenclature = readNomenclature2018();
  const known = new Set(Object.keys(nomenclature.NOMENCLATURE_CIS_DICT));
  const unknown = nomenclature.NORMALIZATION_TAGS_SOURCES_CIS.flatMap((rule) =>
    rule.codes.filter((code) => !known.has(code)).map((code) => `${rule.from} / ${rule.name}: ${code}`),
  );
  if (unknown.length > 0) throw new Error(`Tag rules refer to unknown 2018 codes: ${unknown.join('; ')}`);
  return mergeTagRules(nomenclature.NORMALIZATION_TAGS_SOURCES_CIS).rules;
}

/**
 * The source repeats some (partner, tag) pairs, sometimes with different codes ("Solidarité" of
 * FNCE five times): they become one rule with the union of the codes, in the order first met.
 */
export function mergeTagRules(source: readonly SourceTagRule[]): MergedTagRules {
  const byKey = new Map<string, { rule: TagRule; rows: number }>();
  for (const row of source) {
    const partnerKey = tidyText(row.from);
    const tagNormalized = normalizeTag(row.name);
    if (!tagNormalized) continue; // a tag of punctuation alone can never match anything
    const key = `${partnerKey}\u0000${tagNormalized}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.rows += 1;
      for (const code of row.codes) if (!seen.rule.codes.includes(code)) seen.rule.codes.push(code);
    } else {
      byKey.set(key, {
        rule: { partnerKey, tag: tidyText(row.name), tagNormalized, codes: [...new Set(row.codes)] },
        rows: 1,
      });
    }
  }
  const entries = [...byKey.values()];
  return {
    rules: entries.map((entry) => entry.rule),
    duplicates: entries
      .filter((entry) => entry.rows > 1)
      .map(({ rule, rows }) => ({ partnerKey: rule.partnerKey, tagNormalized: rule.tagNormalized, rows })),
  };
}
