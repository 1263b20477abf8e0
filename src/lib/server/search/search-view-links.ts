import { searchParamsToQuery } from './parse-search-params.ts';
import type { SearchParams } from './search.views.ts';

export interface SearchViewLinks {
  list: string;
  map: string;
  charts: string;
  /** The Atom feed of the newest projects of this search. */
  atom: string;
}

/** The same search as a list, a map, charts and a feed: each view is a URL with the same parameters. */
export function searchViewLinks(params: SearchParams): SearchViewLinks {
  const fromStart = { ...params, page: 1, cursor: null };
  const query = searchParamsToQuery(fromStart);
  // The feed is always newest first; the sort of the list is left out.
  const feedQuery = searchParamsToQuery({
    ...fromStart,
    perPage: 20,
    sort: params.q ? 'relevance' : 'newest',
  });
  return {
    list: `/recherche${query}`,
    map: `/carte${query}`,
    charts: `/recherche/graphiques${query}`,
    atom: `/recherche/flux.atom${feedQuery}`,
  };
}
