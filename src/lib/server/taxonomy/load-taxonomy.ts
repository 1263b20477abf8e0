import type { Queryable } from '../platform/db/database.ts';
import { readTagRules, TAG_RULE_ORIGIN } from './read-tag-rules.ts';
import { readTaxonomy, TAXONOMY_VERSION, VOCABULARIES } from './read-taxonomy.ts';

/**
 * Writes the shipped taxonomy and the 2018 partner-tag rules into the database, in a few bulk
 * statements (one JSON parameter each, so it scales and reads the same on PGlite and PostgreSQL).
 * Idempotent: running it again changes nothing. The shipped data is the truth for what it owns:
 * terms of its vocabularies and rules of origin 'cis-2018' that it no longer ships are removed;
 * rules of any other origin (curated later) are left alone, even on the same tag.
 * The caller wraps it in a transaction.
 */
export async function loadTaxonomy(db: Queryable): Promise<{ terms: number; rules: number }> {
  const terms = readTaxonomy().terms.map((term) => ({
    vocabulary: term.vocabulary,
    code: term.code,
    label_fr: term.labelFr,
    label_en: term.labelEn,
    description_fr: term.descriptionFr,
    parent_code: term.parentCode,
    position: term.position,
    version: term.version,
  }));
  const rules = readTagRules().map((rule) => ({
    partner_key: rule.partnerKey,
    tag: rule.tag,
    tag_normalized: rule.tagNormalized,
    codes: rule.codes,
  }));

  await db.query(
    `INSERT INTO taxonomy_term AS t (vocabulary, code, label_fr, label_en, description_fr, parent_code, position, version)
     SELECT vocabulary, code, label_fr, label_en, description_fr, parent_code, position, version
     FROM json_to_recordset($1::json) AS r(vocabulary text, code text, label_fr text, label_en text,
       description_fr text, parent_code text, position integer, version text)
     ON CONFLICT (vocabulary, code) DO UPDATE SET
       label_fr = excluded.label_fr, label_en = excluded.label_en, description_fr = excluded.description_fr,
       parent_code = excluded.parent_code, position = excluded.position, version = excluded.version
     WHERE (t.label_fr, t.label_en, t.description_fr, t.parent_code, t.position, t.version)
       IS DISTINCT FROM (excluded.label_fr, excluded.label_en, excluded.description_fr,
         excluded.parent_code, excluded.position, excluded.version)`,
    [JSON.stringify(terms)],
  );
  await db.query(
    `DELETE FROM taxonomy_term t
     WHERE t.vocabulary = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM json_to_recordset($1::json) AS r(vocabulary text, code text)
                       WHERE r.vocabulary = t.vocabulary AND r.code = t.code)`,
    [JSON.stringify(terms), [...VOCABULARIES]],
  );

  await db.query(
    `INSERT INTO tag_rule AS t (partner_key, tag, tag_normalized, codes, origin)
     SELECT partner_key, tag, tag_normalized, codes, $2::text
     FROM json_to_recordset($1::json) AS r(partner_key text, tag text, tag_normalized text, codes text[])
     ON CONFLICT (partner_key, tag_normalized) DO UPDATE SET tag = excluded.tag, codes = excluded.codes
     WHERE t.origin = $2::text AND (t.tag, t.codes) IS DISTINCT FROM (excluded.tag, excluded.codes)`,
    [JSON.stringify(rules), TAG_RULE_ORIGIN],
  );
  await db.query(
    `DELETE FROM tag_rule t
     WHERE t.origin = $2::text
       AND NOT EXISTS (SELECT 1 FROM json_to_recordset($1::json) AS r(partner_key text, tag_normalized text)
                       WHERE r.partner_key = t.partner_key AND r.tag_normalized = t.tag_normalized)`,
    [JSON.stringify(rules), TAG_RULE_ORIGIN],
  );

  // Lets operators and later migrations see which taxonomy data an instance holds.
  await db.query(
    `INSERT INTO instance_setting (key, value) VALUES ('taxonomy_version', to_jsonb($1::text))
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()
     WHERE instance_setting.value IS DISTINCT FROM excluded.value`,
    [TAXONOMY_VERSION],
  );

  return { terms: terms.length, rules: rules.length };
}
