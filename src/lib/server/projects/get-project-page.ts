import type { Queryable } from '../platform/db/database.ts';
import type { ProjectPageView } from './project.views.ts';

/** The project page, or null when no published project has this slug. */
export async function getProjectPage(_db: Queryable, _slug: string): Promise<ProjectPageView | null> {
  throw new Error('not implemented yet');
}
