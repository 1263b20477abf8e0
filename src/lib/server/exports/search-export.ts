import type { Queryable } from '../platform/db/database.ts';
import { type ProjectPageRow, presentProjectPage } from '../projects/get-project-page.ts';
import type { ProjectPageView } from '../projects/project.views.ts';
import { PROJECT_DETAILS_BY_IDS_SQL } from '../projects/project-page.query.ts';
import type { SearchParams } from '../search/search.views.ts';
import { SEARCH_PROJECTS_SQL } from '../search/search-projects.query.ts';
import { prepareQuery, searchFilterValues } from '../search/search-projects.ts';

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
  const prepared = await prepareQuery(db, params.q);
  const sort = params.sort === 'relevance' && !prepared.tsquery ? 'newest' : params.sort;
  const rows = await db.query<{ id: number | null }>(SEARCH_PROJECTS_SQL, [
    prepared.tsquery,
    ...searchFilterValues(params, now),
    sort,
    MAX_EXPORT_RECORDS,
    0,
    1,
  ]);
  const ids = rows.map((r) => r.id).filter((id): id is number => id !== null);
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = await db.query<ProjectPageRow>(PROJECT_DETAILS_BY_IDS_SQL, [ids.slice(i, i + batchSize)]);
    for (const row of batch) yield presentProjectPage(row);
  }
}
