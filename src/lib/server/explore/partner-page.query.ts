import { PUBLIC_PROJECT_CTE } from './public-project.sql.ts';

/** A partner ($1: slug) with its public sources and when each was last harvested or imported. */
export const PARTNER_PAGE_SQL = /* sql */ `
SELECT pa.id, pa.slug, pa.name, pa.website, pa.logo_url AS "logoUrl", pa.licence, pa.status,
       coalesce((
         SELECT json_agg(json_build_object(
                  'slug', s.slug, 'name', s.name, 'kind', s.kind,
                  'lastRunAt', (SELECT max(r.finished_at) FROM harvest_run r
                                WHERE r.source_id = s.id AND r.status = 'succeeded'))
                ORDER BY s.name)
         FROM source s WHERE s.partner_id = pa.id
       ), '[]') AS sources
FROM partner pa
WHERE pa.slug = $1
`;

/** How many public projects a partner ($1: id) credits, and the latest ones ($2 at most). */
export const PARTNER_PROJECTS_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE},
credited AS (
  SELECT DISTINCT pp.id, pp.first_seen_at
  FROM public_project pp JOIN public_project_source s ON s.project_id = pp.id
  WHERE s.partner_id = $1::int
)
SELECT (SELECT count(*)::int FROM credited) AS total, latest.id
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
  SELECT id FROM credited ORDER BY first_seen_at DESC, id DESC LIMIT $2::int
) AS latest ON true
`;

/** Active partners with at least one public project, and how many. */
export const PARTNER_LIST_SQL = /* sql */ `
WITH ${PUBLIC_PROJECT_CTE}
SELECT pa.slug, pa.name, pa.website, pa.licence, count(DISTINCT s.project_id)::int AS projects
FROM partner pa
JOIN public_project_source s ON s.partner_id = pa.id
JOIN public_project pp ON pp.id = s.project_id
GROUP BY pa.slug, pa.name, pa.website, pa.licence
ORDER BY pa.name
`;
