import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from './load-project-cards.ts';
import type { ProjectCardView } from './project.views.ts';
import { SIMILAR_PROJECTS_SQL } from './similar-projects.query.ts';

/** "Similar projects elsewhere in France" for a project page. */
export async function getSimilarProjects(db: Queryable, slug: string, count = 4): Promise<ProjectCardView[]> {
  const [project] = await db.query<{
    id: number;
    themes: string[];
    subthemes: string[];
    departements: string[];
  }>(
    `SELECT p.id, p.themes, p.subthemes,
            array(SELECT l.departement_code FROM project_location l
                  WHERE l.project_id = p.id AND l.departement_code IS NOT NULL) AS departements
     FROM project p WHERE p.slug = $1`,
    [slug],
  );
  if (!project) return [];
  // Given as values, not joined: the planner then reads the first-seen index in order.
  const rows = await db.query<{ id: number }>(SIMILAR_PROJECTS_SQL, [
    project.id,
    project.themes,
    project.subthemes,
    project.departements,
    count,
  ]);
  return loadProjectCards(
    db,
    rows.map((r) => r.id),
  );
}
