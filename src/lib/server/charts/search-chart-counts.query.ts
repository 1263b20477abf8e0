/**
 * Every count of the charts of a search in one pass: the published projects matching the search
 * filters ($1–$13 as in SEARCH_PROJECTS_SQL and STATISTICS_SQL, $14 maturity stages) are found once, then counted in
 * total and by theme, région, département, partner, month first seen and maturity stage
 * ('unknown' when no partner gave it). Rows: dimension, code (NULL for the total), projects.
 */
export const SEARCH_CHART_COUNTS_SQL = /* sql */ `
WITH query AS (
  SELECT CASE WHEN $1::text = '' THEN NULL ELSE to_tsquery('tadata_fr', $1::text) END AS tsq
),
base AS MATERIALIZED (
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
    AND (cardinality($14::text[]) = 0 OR p.maturity = ANY ($14::text[]))
)
SELECT 'total' AS dimension, NULL::text AS code, count(*)::int AS projects FROM base
UNION ALL
SELECT 'theme', th, count(DISTINCT base.id)::int FROM base, unnest(base.themes) AS th GROUP BY th
UNION ALL
SELECT CASE left(c, 2) WHEN 'R:' THEN 'region' ELSE 'departement' END, substr(c, 3), count(DISTINCT base.id)::int
FROM base, unnest(base.territory_codes) AS c
WHERE left(c, 2) IN ('R:', 'D:')
GROUP BY c
UNION ALL
SELECT 'partner', pa, count(DISTINCT base.id)::int FROM base, unnest(base.public_partners) AS pa GROUP BY pa
UNION ALL
SELECT 'month', to_char(date_trunc('month', first_seen_at), 'YYYY-MM'), count(*)::int FROM base GROUP BY 2
UNION ALL
SELECT 'stage', coalesce(maturity, 'unknown'), count(*)::int FROM base GROUP BY 2
`;
