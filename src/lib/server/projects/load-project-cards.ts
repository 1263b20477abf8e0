import type { Queryable } from '../platform/db/database.ts';
import { type ProjectCardRow, presentProjectCard } from './project.presenter.ts';
import type { ProjectCardView } from './project.views.ts';
import { PROJECT_CARDS_SQL } from './project-cards.query.ts';

export async function loadProjectCards(db: Queryable, ids: number[]): Promise<ProjectCardView[]> {
  if (!ids.length) return [];
  const rows = await db.query<ProjectCardRow>(PROJECT_CARDS_SQL, [ids]);
  return rows.map(presentProjectCard);
}
