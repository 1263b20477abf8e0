/** Taxonomy vocabularies useful to reusers, each term with its published project count. */
export const TAXONOMY_SQL = /* sql */ `
SELECT t.vocabulary, t.code, t.label_fr AS label, t.label_en AS "labelEn", t.parent_code AS parent,
       (SELECT count(*)::int FROM project p
        WHERE p.published AND cardinality(p.public_partners) > 0
          AND CASE t.vocabulary WHEN 'theme' THEN t.code = ANY (p.themes)
                                WHEN 'subtheme' THEN t.code = ANY (p.subthemes)
                                WHEN 'public2018' THEN t.code = ANY (p.publics)
                                ELSE false END) AS projects
FROM taxonomy_term t
WHERE t.vocabulary IN ('theme', 'subtheme', 'public2018', 'methode2018')
ORDER BY t.vocabulary, t.position, t.code
`;

/**
 * Territories of one level $1 ('region', 'departement', 'epci', 'commune'), optionally within
 * a parent $2 (région for départements, département for EPCI and communes) and whose name
 * starts with $3 (folded), $4 at most, with their published project counts.
 */
export const TERRITORIES_SQL = /* sql */ `
WITH t AS (
  SELECT 'region' AS level, code, name, NULL::text AS parent, NULL::float8 AS latitude, NULL::float8 AS longitude
  FROM region WHERE $1::text = 'region'
  UNION ALL
  SELECT 'departement', code, name, region_code, NULL, NULL FROM departement WHERE $1::text = 'departement'
  UNION ALL
  SELECT DISTINCT 'epci', e.code, e.name, c.departement_code, NULL::float8, NULL::float8
  FROM epci e JOIN commune c ON c.epci_code = e.code AND c.kind = 'commune-actuelle'
  WHERE $1::text = 'epci'
  UNION ALL
  SELECT 'commune', insee_code, name, departement_code, latitude, longitude
  FROM commune WHERE $1::text = 'commune' AND kind IN ('commune-actuelle', 'arrondissement-municipal')
),
counts AS (
  SELECT substr(c, 3) AS code, count(*)::int AS projects
  FROM project p, unnest(p.territory_codes) AS c
  WHERE p.published AND cardinality(p.public_partners) > 0
    AND left(c, 1) = upper(left($1::text, 1))
  GROUP BY c
)
SELECT t.code, t.name, t.parent, t.latitude, t.longitude, coalesce(counts.projects, 0) AS projects
FROM t LEFT JOIN counts ON counts.code = t.code
WHERE ($2::text IS NULL OR t.parent = $2::text)
  AND ($3::text IS NULL OR tadata_unaccent(lower(t.name)) LIKE $3::text || '%')
ORDER BY coalesce(counts.projects, 0) DESC, t.name
LIMIT $4::int
`;

/** Active partners with their licence, public sources and published project counts. */
export const PARTNERS_SQL = /* sql */ `
SELECT pa.slug, pa.name, pa.website, pa.logo_url AS "logoUrl", pa.licence,
       (SELECT count(*)::int FROM project p
        WHERE p.published AND pa.slug = ANY (p.public_partners)) AS projects,
       coalesce((SELECT json_agg(json_build_object('slug', s.slug, 'name', s.name, 'kind', s.kind) ORDER BY s.slug)
                 FROM source s WHERE s.partner_id = pa.id), '[]') AS sources
FROM partner pa
WHERE pa.status = 'active'
ORDER BY pa.name
`;

/**
 * Counts for charts: published projects matching the search filters ($1–$13 as in
 * SEARCH_PROJECTS_SQL) grouped by any of theme ($14), territory at level $15 ('region' or
 * 'departement', NULL for none), partner ($16), month first seen ($17) and maturity stage ($19,
 * 'unknown' when the partners did not say); $18 filters on maturity stages (any). A project with
 * two themes counts once in each.
 */
export const STATISTICS_SQL = /* sql */ `
WITH query AS (
  SELECT CASE WHEN $1::text = '' THEN NULL ELSE to_tsquery('tadata_fr', $1::text) END AS tsq
),
base AS (
  SELECT p.id, p.themes, p.territory_codes, p.public_partners, p.first_seen_at, p.maturity
  FROM project p CROSS JOIN query q
  WHERE p.published AND cardinality(p.public_partners) > 0
    AND (q.tsq IS NULL OR p.search_vector @@ q.tsq)
    AND (cardinality($2::text[]) = 0 OR p.themes && $2::text[] OR p.subthemes && $2::text[])
    AND (cardinality($3::text[]) = 0 OR p.publics && $3::text[])
    AND (cardinality($4::text[]) = 0 OR p.public_partners && $4::text[])
    AND (cardinality($5::text[]) = 0 OR p.territory_codes @> $5::text[])
    AND ($6::float8 IS NULL OR EXISTS (
          SELECT 1 FROM project_location l
          WHERE l.project_id = p.id
            AND l.longitude BETWEEN $6::float8 AND $8::float8
            AND l.latitude BETWEEN $7::float8 AND $9::float8))
    AND ($12::float8 IS NULL OR EXISTS (
          SELECT 1 FROM project_location l
          WHERE l.project_id = p.id AND l.latitude IS NOT NULL
            AND 111.195 * sqrt(power(l.latitude - $10::float8, 2)
                               + power(cos(radians($10::float8)) * (l.longitude - $11::float8), 2))
                <= $12::float8))
    AND ($13::timestamptz IS NULL OR p.public_last_seen_at >= $13::timestamptz)
    AND (cardinality($18::text[]) = 0 OR p.maturity = ANY ($18::text[]))
)
SELECT CASE WHEN $14::boolean THEN th END AS theme,
       CASE WHEN $15::text IS NOT NULL THEN substr(te, 3) END AS territory,
       CASE WHEN $16::boolean THEN pa END AS partner,
       CASE WHEN $17::boolean THEN to_char(date_trunc('month', base.first_seen_at), 'YYYY-MM') END AS month,
       CASE WHEN $19::boolean THEN coalesce(base.maturity, 'unknown') END AS stage,
       count(DISTINCT base.id)::int AS projects
FROM base
LEFT JOIN LATERAL unnest(CASE WHEN $14::boolean THEN base.themes ELSE ARRAY[NULL::text] END) AS th ON true
LEFT JOIN LATERAL (
  SELECT c FROM unnest(base.territory_codes) AS c
  WHERE $15::text IS NOT NULL AND left(c, 2) = upper(left($15::text, 1)) || ':'
) AS terr (te) ON true
LEFT JOIN LATERAL unnest(CASE WHEN $16::boolean THEN base.public_partners ELSE ARRAY[NULL::text] END) AS pa ON true
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
`;
