/**
 * Published projects matching a search, best first, and how many match in all.
 * $1 words ('' for every project), $2 theme or sub-theme codes (any), $3 région code,
 * $4 département code, $5 page size, $6 offset. Always one row at least: the total.
 * French full text through the tadata_fr configuration (accents ignored, French stemming);
 * names weigh most (weight A), then carrier (B), presentation (C), tags and places (D).
 */
export const SEARCH_PROJECTS_SQL = /* sql */ `
WITH query AS (
  SELECT websearch_to_tsquery('tadata_fr', $1::text) AS tsq
),
matches AS (
  SELECT p.id,
         p.first_seen_at,
         CASE WHEN $1::text = '' THEN 0 ELSE ts_rank_cd(p.search_vector, query.tsq) END AS rank
  FROM project p, query
  WHERE p.published
    AND ($1::text = '' OR p.search_vector @@ query.tsq)
    AND (cardinality($2::text[]) = 0 OR p.themes && $2::text[] OR p.subthemes && $2::text[])
    AND ($3::text IS NULL OR EXISTS (
          SELECT 1 FROM project_location l WHERE l.project_id = p.id AND l.region_code = $3::text))
    AND ($4::text IS NULL OR EXISTS (
          SELECT 1 FROM project_location l WHERE l.project_id = p.id AND l.departement_code = $4::text))
    AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
)
SELECT counted.total, page.id
FROM (SELECT count(*)::int AS total FROM matches) AS counted
LEFT JOIN LATERAL (
  SELECT id FROM matches
  ORDER BY rank DESC, first_seen_at DESC, id DESC
  LIMIT $5::int OFFSET $6::int
) AS page ON true
`;
