import { PUBLIC_PROJECT_CTE } from './public-project.sql.ts';

/** A theme or sub-theme ($1: code) with its parent and children, 'theme' vocabulary first. */
export const THEME_TERM_SQL = /* sql */ `
SELECT t.vocabulary, t.code, t.label_fr AS label, t.label_en AS "labelEn", t.description_fr AS description,
       parent.code AS "parentCode", parent.label_fr AS "parentLabel",
       coalesce((
         SELECT json_agg(json_build_object('code', c.code, 'label', c.label_fr) ORDER BY c.position, c.code)
         FROM taxonomy_term c WHERE c.vocabulary = 'subtheme' AND c.parent_code = t.code AND t.vocabulary = 'theme'
       ), '[]') AS children
FROM taxonomy_term t
LEFT JOIN taxonomy_term parent ON parent.vocabulary = 'theme' AND parent.code = t.parent_code AND t.vocabulary = 'subtheme'
WHERE t.vocabulary IN ('theme', 'subtheme') AND t.code = $1
ORDER BY t.vocabulary = 'theme' DESC
LIMIT 1
`;

/** Public projects of a theme or sub-theme ($1) per région. */
export const THEME_REGION_COUNTS_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE},
themed AS (
  SELECT p.id FROM project p JOIN public_project pp ON pp.id = p.id
  WHERE $1::text = ANY (p.themes) OR $1::text = ANY (p.subthemes)
),
located AS (
  SELECT DISTINCT l.project_id, l.region_code
  FROM project_location l JOIN themed ON themed.id = l.project_id
)
SELECT r.code, r.name, r.population, count(located.project_id)::int AS projects,
       (SELECT count(*)::int FROM themed) AS total
FROM region r
LEFT JOIN located ON located.region_code = r.code
GROUP BY r.code, r.name, r.population
ORDER BY r.name
`;
