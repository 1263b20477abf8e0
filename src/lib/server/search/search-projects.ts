import type { Queryable } from '../platform/db/database.ts';
import type { SearchParams, SearchResultView } from './search.views.ts';

export async function searchProjects(_db: Queryable, _params: SearchParams): Promise<SearchResultView> {
  throw new Error('not implemented yet');
}
