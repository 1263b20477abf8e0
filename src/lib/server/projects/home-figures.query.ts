/** Key figures of the public dataset: projects, partners credited, territories covered. */
export const HOME_FIGURES_SQL = /* sql */ `
WITH public_project AS (
  SELECT p.id FROM project p
  WHERE p.published AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
)
SELECT (SELECT count(*)::int FROM public_project) AS projects,
       (SELECT count(DISTINCT s.partner_id)::int FROM public_project_source s
         JOIN public_project pp ON pp.id = s.project_id) AS partners,
       (SELECT count(DISTINCT l.departement_code)::int FROM project_location l
         JOIN public_project pp ON pp.id = l.project_id) AS departements,
       (SELECT count(DISTINCT l.insee_code)::int FROM project_location l
         JOIN public_project pp ON pp.id = l.project_id) AS communes
`;

/** Published projects per theme, every theme listed (one pass over the projects). */
export const THEME_COUNTS_SQL = /* sql */ `
WITH counted AS (
  SELECT theme, count(*)::int AS count
  FROM project p, unnest(p.themes) AS theme
  WHERE p.published AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
  GROUP BY theme
)
SELECT t.code, t.label_fr AS label, coalesce(counted.count, 0) AS count
FROM taxonomy_term t
LEFT JOIN counted ON counted.theme = t.code
WHERE t.vocabulary = 'theme'
ORDER BY t.position, t.code
`;

/** The most recently found published projects ($1: how many). */
export const LATEST_PROJECT_IDS_SQL = /* sql */ `
SELECT p.id FROM project p
WHERE p.published AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
ORDER BY p.first_seen_at DESC, p.id DESC
LIMIT $1::int
`;
