/**
 * Crosswalk rules coordinators add for a partner's unmapped tags. They sit next to the 2018
 * defaults in tag_rule with their own origin, which reloading the reference data never touches.
 */
import { InvalidParameterError, NotFoundError } from '../errors.ts';
import { findPartnerBySlug } from '../partners/partner-repository.ts';
import type { Queryable } from '../platform/db/database.ts';
import { CROSSWALK_2018_2019 } from './crosswalk-2018-2019.ts';
import { normalizeTag, tidyText } from './normalize-tag.ts';

export const COORDINATOR_RULE_ORIGIN = 'coordinator';

export interface SavedTagRule {
  partnerKey: string;
  tag: string;
  codes: string[];
  /** The codes an earlier rule gave this tag, when the new one replaces it. */
  replaced: string[] | null;
}

/** Codes of the 2018 nomenclature (what rules point to), checked and each once. */
export function parseRuleCodes(codes: readonly string[]): string[] {
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
  if (!wanted.length)
    throw new InvalidParameterError('codes', 'give at least one code of the 2018 nomenclature');
  const unknown = wanted.filter((c) => !(c in CROSSWALK_2018_2019));
  if (unknown.length) {
    throw new InvalidParameterError(
      'codes',
      `unknown code ${unknown.map((c) => `"${c}"`).join(', ')}: one of ${Object.keys(CROSSWALK_2018_2019).join(', ')}`,
    );
  }
  return wanted;
}

/** The key a partner's rules are filed under: its tag-rule key, else its name (see consolidation). */
async function partnerRuleKey(db: Queryable, partnerSlug: string): Promise<string> {
  const partner = await findPartnerBySlug(db, partnerSlug);
  if (!partner) throw new NotFoundError(`no partner "${partnerSlug}"`);
  return partner.tagRuleKey ?? partner.name;
}

function parseTag(tag: string): { tag: string; normalized: string } {
  const normalized = normalizeTag(tag);
  if (!normalized) throw new InvalidParameterError('tag', 'the tag is empty');
  return { tag: tidyText(tag), normalized };
}

export async function saveTagRule(
  db: Queryable,
  input: { partnerSlug: string; tag: string; codes: readonly string[] },
): Promise<SavedTagRule> {
  const codes = parseRuleCodes(input.codes);
  const { tag, normalized } = parseTag(input.tag);
  const partnerKey = await partnerRuleKey(db, input.partnerSlug);
  const [before] = await db.query<{ codes: string[] }>(
    `SELECT codes FROM tag_rule WHERE partner_key = $1 AND tag_normalized = $2`,
    [partnerKey, normalized],
  );
  await db.query(
    `INSERT INTO tag_rule (partner_key, tag, tag_normalized, codes, origin) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (partner_key, tag_normalized)
     DO UPDATE SET tag = excluded.tag, codes = excluded.codes, origin = excluded.origin`,
    [partnerKey, tag, normalized, codes, COORDINATOR_RULE_ORIGIN],
  );
  return { partnerKey, tag, codes, replaced: before?.codes ?? null };
}

/** Removes a coordinator's rule; the 2018 defaults are reference data and stay. */
export async function deleteTagRule(
  db: Queryable,
  input: { partnerSlug: string; tag: string },
): Promise<void> {
  const { normalized } = parseTag(input.tag);
  const partnerKey = await partnerRuleKey(db, input.partnerSlug);
  const deleted = await db.query<{ id: number }>(
    `DELETE FROM tag_rule WHERE partner_key = $1 AND tag_normalized = $2 AND origin = $3 RETURNING id`,
    [partnerKey, normalized, COORDINATOR_RULE_ORIGIN],
  );
  if (!deleted.length) {
    throw new NotFoundError(
      `partner "${input.partnerSlug}" has no rule of its own for the tag "${input.tag}"`,
    );
  }
}

/** The 2018 codes a rule may point to, with their label and the 2019 themes they reach. */
export async function listRuleCodes(
  db: Queryable,
): Promise<{ code: string; label: string; themes: readonly string[] }[]> {
  const labels = await db.query<{ code: string; label: string }>(
    `SELECT code, label_fr AS label FROM taxonomy_term WHERE vocabulary = 'tag2018'`,
  );
  const labelOf = new Map(labels.map((l) => [l.code, l.label]));
  return Object.entries(CROSSWALK_2018_2019)
    .map(([code, themes]) => ({ code, label: labelOf.get(code) ?? code, themes }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
