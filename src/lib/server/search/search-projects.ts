import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from '../projects/load-project-cards.ts';
import { prepareSearchText } from './prepare-search-text.ts';
import type { SearchParams, SearchResultView } from './search.views.ts';
import { SEARCH_PROJECTS_SQL } from './search-projects.query.ts';

export async function searchProjects(db: Queryable, params: SearchParams): Promise<SearchResultView> {
  const rows = await db.query<{ total: number; id: number | null }>(SEARCH_PROJECTS_SQL, [
    prepareSearchText(params.q),
    params.themes,
    params.region,
    params.departement,
    params.perPage,
    (params.page - 1) * params.perPage,
  ]);
  const total = rows[0]?.total ?? 0;
  const ids = rows.map((r) => r.id).filter((id): id is number => id !== null);
  return {
    params,
    total,
    page: params.page,
    perPage: params.perPage,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
    items: await loadProjectCards(db, ids),
  };
}
