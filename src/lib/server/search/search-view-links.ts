import { type Locale, localizeHref } from '../../i18n/locale.ts';
import { searchParamsToQuery } from './parse-search-params.ts';
import type { SearchParams } from './search.views.ts';

export interface SearchViewLinks {
  list: string;
  map: string;
  charts: string;
  /** The Atom feed of the newest projects of this search. */
  atom: string;
}

/**
 * The same search as a list, a map, charts and a feed, in the page's language: each view is a
 * URL with the same parameters.
 */
export function searchViewLinks(params: SearchParams, locale: Locale = 'fr'): SearchViewLinks {
  const fromStart = { ...params, page: 1, cursor: null };
  const query = searchParamsToQuery(fromStart);
  // The feed is always newest first; the sort of the list is left out.
  const feedQuery = searchParamsToQuery({
    ...fromStart,
    perPage: 20,
    sort: params.q ? 'relevance' : 'newest',
  });
  return {
    list: localizeHref(`/recherche${query}`, locale),
    map: localizeHref(`/carte${query}`, locale),
    charts: localizeHref(`/recherche/graphiques${query}`, locale),
    atom: localizeHref(`/recherche/flux.atom${feedQuery}`, locale),
  };
}
