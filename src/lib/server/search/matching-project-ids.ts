import type { Queryable } from '../platform/db/database.ts';
import { matchShape } from './match-shape.ts';
import type { SearchParams } from './search.views.ts';
import { searchProjectsSql } from './search-projects.query.ts';
import { prepareQuery, searchFilterValues } from './search-projects.ts';

/**
 * Every project matching a search (not a page), in the search's order: for exports and the map,
 * which show all matches. Its total, unlike a page's, is always exact.
 */
export async function matchingProjectIds(
  db: Queryable,
  params: SearchParams,
  limit: number,
  now = new Date(),
): Promise<number[]> {
  const prepared = await prepareQuery(db, params.q);
  const sort = params.sort === 'relevance' && !prepared.tsquery ? 'newest' : params.sort;
  // Exports and the map take every match (up to a large limit): walk ids only when they are
  // dense (and their name matches past the limit likewise).
  const shape = await matchShape(
    db,
    prepared,
    searchFilterValues(params, now),
    params.stages,
    params.methods,
    limit,
  );
  const rows = await db.query<{ id: number | null }>(searchProjectsSql(shape, shape === 'walk'), [
    prepared.tsquery,
    ...searchFilterValues(params, now),
    sort,
    limit,
    0,
    limit,
    limit,
    params.stages,
    shape,
    params.methods,
    shape === 'walk',
  ]);
  return rows.map((r) => r.id).filter((id): id is number => id !== null);
}
