/**
 * Public projects like a given one elsewhere in France: sharing its themes ($2) or sub-themes
 * ($3), located in none of its départements ($4), not itself ($1); most shared sub-themes, then
 * themes, first; $5 at most. Candidates are the 400 most recent matches, read in the order of
 * the first-seen index, so the page stays fast at any size.
 */
export const SIMILAR_PROJECTS_SQL = /* sql */ `
WITH candidates AS (
  SELECT p.id, p.themes, p.subthemes, p.first_seen_at
  FROM project p
  WHERE p.id <> $1::int
    AND p.published
    AND (p.themes && $2::text[] OR p.subthemes && $3::text[])
    AND NOT EXISTS (
      SELECT 1 FROM project_location l
      WHERE l.project_id = p.id AND l.departement_code = ANY ($4::text[]))
  ORDER BY p.first_seen_at DESC, p.id DESC
  LIMIT 400
)
SELECT c.id
FROM candidates c
WHERE EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = c.id)
ORDER BY cardinality(array(SELECT unnest(c.subthemes) INTERSECT SELECT unnest($3::text[]))) DESC,
         cardinality(array(SELECT unnest(c.themes) INTERSECT SELECT unnest($2::text[]))) DESC,
         c.first_seen_at DESC, c.id
LIMIT $5::int
`;
