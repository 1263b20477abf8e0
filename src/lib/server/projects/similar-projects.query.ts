/**
 * Public projects like the given one ($1: project id) elsewhere in France: sharing its themes
 * and sub-themes, located in none of its départements, closest in name and presentation first.
 * $2: how many.
 */
export const SIMILAR_PROJECTS_SQL = /* sql */ `
WITH target AS (
  SELECT p.id, p.themes, p.subthemes, p.search_vector,
         array(SELECT l.departement_code FROM project_location l
               WHERE l.project_id = p.id AND l.departement_code IS NOT NULL) AS departements
  FROM project p WHERE p.id = $1::int
)
SELECT p.id
FROM project p, target
WHERE p.id <> target.id
  AND p.published
  AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
  AND (p.themes && target.themes OR p.subthemes && target.subthemes)
  AND NOT EXISTS (
    SELECT 1 FROM project_location l
    WHERE l.project_id = p.id AND l.departement_code = ANY (target.departements))
ORDER BY cardinality(array(SELECT unnest(p.subthemes) INTERSECT SELECT unnest(target.subthemes))) DESC,
         cardinality(array(SELECT unnest(p.themes) INTERSECT SELECT unnest(target.themes))) DESC,
         p.first_seen_at DESC, p.id
LIMIT $2::int
`;
