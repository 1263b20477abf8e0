import type { Queryable } from '../platform/db/database.ts';
import { type ProjectPageRow, presentProjectPage } from '../projects/get-project-page.ts';
import type { ProjectPageView } from '../projects/project.views.ts';
import { PROJECT_DETAILS_BY_IDS_SQL } from '../projects/project-page.query.ts';
import { matchingProjectIds } from '../search/matching-project-ids.ts';
import type { SearchParams } from '../search/search.views.ts';

/** At most this many records in one export of a search (the whole corpus fits). */
export const MAX_EXPORT_RECORDS = 2_000_000;

/**
 * Every project matching a search (not a page), in the search's order, with everything an
 * export shows; read in batches so memory stays bounded past the list of ids.
 */
export async function* searchedProjects(
  db: Queryable,
  params: SearchParams,
  batchSize = 500,
  now = new Date(),
): AsyncGenerator<ProjectPageView> {
  const ids = await matchingProjectIds(db, params, MAX_EXPORT_RECORDS, now);
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = await db.query<ProjectPageRow>(PROJECT_DETAILS_BY_IDS_SQL, [ids.slice(i, i + batchSize)]);
    for (const row of batch) yield presentProjectPage(row);
  }
}
