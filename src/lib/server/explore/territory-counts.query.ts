import { PUBLIC_PROJECT_CTE } from './public-project.sql.ts';

/**
 * Public projects per région, with populations, for the national picture and per-100,000
 * comparisons. A project with sites in two régions counts in both.
 */
export const REGION_COUNTS_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE},
located AS (
  SELECT DISTINCT l.project_id, l.region_code
  FROM project_location l JOIN public_project pp ON pp.id = l.project_id
)
SELECT r.code, r.name, r.population, count(located.project_id)::int AS projects
FROM region r
LEFT JOIN located ON located.region_code = r.code
GROUP BY r.code, r.name, r.population
ORDER BY r.name
`;

/** Public projects per département of one région ($1). */
export const DEPARTEMENT_COUNTS_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE},
located AS (
  SELECT DISTINCT l.project_id, l.departement_code
  FROM project_location l JOIN public_project pp ON pp.id = l.project_id
  WHERE l.region_code = $1::text
)
SELECT d.code, d.name, d.population, count(located.project_id)::int AS projects
FROM departement d
LEFT JOIN located ON located.departement_code = d.code
WHERE d.region_code = $1::text
GROUP BY d.code, d.name, d.population
ORDER BY d.code
`;

/**
 * Public projects per theme within a territory: a région ($1), a département ($2), or the whole
 * country when both are null; with the number of projects in that territory.
 */
export const THEME_COUNTS_IN_TERRITORY_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE},
scoped AS (
  SELECT pp.id, pp.themes FROM public_project pp
  WHERE ($1::text IS NULL AND $2::text IS NULL)
     OR EXISTS (
       SELECT 1 FROM project_location l
       WHERE l.project_id = pp.id
         AND ($1::text IS NULL OR l.region_code = $1::text)
         AND ($2::text IS NULL OR l.departement_code = $2::text))
)
SELECT t.code, t.label_fr AS label, count(scoped.id)::int AS projects,
       (SELECT count(*)::int FROM scoped) AS total
FROM taxonomy_term t
LEFT JOIN scoped ON t.code = ANY (scoped.themes)
WHERE t.vocabulary = 'theme'
GROUP BY t.code, t.label_fr, t.position
ORDER BY t.position, t.code
`;
