/**
 * Published projects matching a search, in the asked order, and how many match.
 * $1 tsquery text for to_tsquery('tadata_fr', …) ('' for every project); filters: $2 theme or
 * sub-theme codes (any), $3 public codes (any), $4 partner slugs (any), $5 territory codes that
 * must all be present ('R:84', 'D:69', 'E:…', 'C:…'), $6–$9 bounding box west, south, east,
 * north, $10 $11 latitude and longitude of a point, $12 radius in km around it, $13 seen at the
 * source since; $14 sort (relevance, newest, name, distance), $15 page size, $16 offset, $17 the
 * count stops there (the total is then "at least $17"). Always one row at least.
 *
 * Relevance: projects whose name holds every searched word first, then ts_rank_cd over the
 * weighted vector (name A, carrier B, presentation C, tags and places D). Public credits and
 * freshness come from project.public_partners and public_last_seen_at, which triggers derive
 * from public_project_source, the charter view (migration 0004).
 */
export const SEARCH_PROJECTS_SQL = /* sql */ `
WITH query AS (
  SELECT CASE WHEN $1::text = '' THEN NULL ELSE to_tsquery('tadata_fr', $1::text) END AS tsq
),
matches AS (
  SELECT p.id,
         p.name,
         p.first_seen_at,
         CASE WHEN q.tsq IS NULL OR $14::text <> 'relevance' THEN 0
              ELSE ts_rank_cd(p.search_vector, q.tsq)
                   + CASE WHEN p.name_vector @@ q.tsq THEN 1 ELSE 0 END
         END AS rank,
         near.km
  FROM project p
  CROSS JOIN query q
  LEFT JOIN LATERAL (
    SELECT min(111.195 * sqrt(power(l.latitude - $10::float8, 2)
                              + power(cos(radians($10::float8)) * (l.longitude - $11::float8), 2))) AS km
    FROM project_location l
    WHERE $10::float8 IS NOT NULL AND l.project_id = p.id AND l.latitude IS NOT NULL
  ) AS near ON true
  WHERE p.published
    AND (q.tsq IS NULL OR p.search_vector @@ q.tsq)
    AND (cardinality($2::text[]) = 0 OR p.themes && $2::text[] OR p.subthemes && $2::text[])
    AND (cardinality($3::text[]) = 0 OR p.publics && $3::text[])
    AND (cardinality($5::text[]) = 0 OR p.territory_codes @> $5::text[])
    AND ($6::float8 IS NULL OR EXISTS (
          SELECT 1 FROM project_location l
          WHERE l.project_id = p.id
            AND l.longitude BETWEEN $6::float8 AND $8::float8
            AND l.latitude BETWEEN $7::float8 AND $9::float8))
    AND ($12::float8 IS NULL OR near.km <= $12::float8)
    AND cardinality(p.public_partners) > 0
    AND (cardinality($4::text[]) = 0 OR p.public_partners && $4::text[])
    AND ($13::timestamptz IS NULL OR p.public_last_seen_at >= $13::timestamptz)
)
SELECT counted.total, page.id, page.km
FROM (SELECT count(*)::int AS total FROM (SELECT 1 FROM matches LIMIT $17::int) AS capped) AS counted
LEFT JOIN LATERAL (
  SELECT id, km FROM matches
  ORDER BY CASE WHEN $14::text = 'relevance' THEN rank END DESC NULLS LAST,
           CASE WHEN $14::text = 'distance' THEN km END ASC NULLS LAST,
           CASE WHEN $14::text = 'name' THEN lower(name) END ASC,
           first_seen_at DESC, id DESC
  LIMIT $15::int OFFSET $16::int
) AS page ON true
`;
