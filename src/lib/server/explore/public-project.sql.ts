/**
 * The published projects credited by at least one active partner (the charter's public set),
 * as a CTE that the exploration queries start from.
 */
export const PUBLIC_PROJECT_CTE = /* sql */ `
public_project AS (
  SELECT p.id, p.themes, p.first_seen_at
  FROM project p
  WHERE p.published AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)
)`;
