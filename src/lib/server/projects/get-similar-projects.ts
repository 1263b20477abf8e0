import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from './load-project-cards.ts';
import type { ProjectCardView } from './project.views.ts';
import { SIMILAR_PROJECTS_SQL } from './similar-projects.query.ts';

/** "Similar projects elsewhere in France" for a project page. */
export async function getSimilarProjects(db: Queryable, slug: string, count = 4): Promise<ProjectCardView[]> {
  const [project] = await db.query<{ id: number }>(`SELECT id FROM project WHERE slug = $1`, [slug]);
  if (!project) return [];
  const rows = await db.query<{ id: number }>(SIMILAR_PROJECTS_SQL, [project.id, count]);
  return loadProjectCards(
    db,
    rows.map((r) => r.id),
  );
}
