/**
 * Suggestions as you type for $1 (tsquery text with the last word as a prefix) and $2 (the
 * folded text typed, for labels): up to $3 projects whose name matches, themes and sub-themes
 * whose label contains the text, and places (régions, départements, communes, biggest first)
 * whose name starts with it. Themes are labelled in the language $4 (fr, en), and in English
 * match on both labels. Rows: kind, code, label, detail.
 */
export const SUGGEST_SQL = /* sql */ `
(SELECT 'project' AS kind, p.slug AS code, p.name AS label, p.carrier AS detail
 FROM project p
 WHERE $1::text <> '' AND p.name_vector @@ to_tsquery('tadata_fr', $1::text)
   AND p.published AND cardinality(p.public_partners) > 0
 ORDER BY ts_rank(p.name_vector, to_tsquery('tadata_fr', $1::text)) DESC, length(p.name), p.id
 LIMIT $3::int)
UNION ALL
(SELECT t.vocabulary, t.code,
        CASE WHEN $4::text = 'en' THEN coalesce(nullif(t.label_en, ''), t.label_fr) ELSE t.label_fr END,
        NULL
 FROM taxonomy_term t
 WHERE t.vocabulary IN ('theme', 'subtheme')
   AND (tadata_unaccent(lower(t.label_fr)) LIKE '%' || $2::text || '%'
        OR ($4::text = 'en' AND tadata_unaccent(lower(t.label_en)) LIKE '%' || $2::text || '%'))
 ORDER BY t.vocabulary, t.position, t.code
 LIMIT $3::int)
UNION ALL
(SELECT kind, code, label, detail FROM (
   SELECT 'region' AS kind, r.code, r.name AS label, NULL AS detail, 1 AS level, r.population
   FROM region r WHERE tadata_unaccent(lower(r.name)) LIKE $2::text || '%'
   UNION ALL
   SELECT 'departement', d.code, d.name, d.code, 2, d.population
   FROM departement d WHERE tadata_unaccent(lower(d.name)) LIKE $2::text || '%'
   UNION ALL
   SELECT 'commune', c.insee_code, c.name, c.departement_code, 3, c.population
   FROM commune c
   WHERE c.kind IN ('commune-actuelle', 'arrondissement-municipal')
     AND tadata_unaccent(lower(c.name)) LIKE $2::text || '%'
 ) AS places
 ORDER BY level, population DESC NULLS LAST, label
 LIMIT $3::int)
`;
