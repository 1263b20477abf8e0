import type { Queryable } from '../platform/db/database.ts';
import { DELETE_EXTRA_LOCATIONS, UPSERT_LOCATIONS } from './consolidation.queries.ts';

/**
 * Gives each project exactly these locations (JSON members of their rows, locationsJson). Rows
 * that stay the same are not written (a full rebuild rewrites nothing of an unchanged project, and
 * the territory-code trigger sees no change). A project just created (`created`) has no locations
 * yet: nothing to delete.
 */
export async function replaceLocations(
  db: Queryable,
  projects: readonly { projectId: number; locations: readonly string[]; created?: boolean }[],
): Promise<void> {
  if (!projects.length) return;
  const existing = projects.filter((p) => !p.created);
  if (existing.length)
    await db.query(DELETE_EXTRA_LOCATIONS, [
      JSON.stringify(existing.map((p) => ({ project_id: p.projectId, count: p.locations.length }))),
    ]);
  const rows = projects.flatMap((p) =>
    p.locations.map((members) => `{"project_id":${p.projectId},${members}}`),
  );
  if (rows.length) await db.query(UPSERT_LOCATIONS, [`[${rows.join(',')}]`]);
}
