import { error } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { facetLinks } from '$lib/server/search/facet-links.ts';
import { formHiddenFields } from '$lib/server/search/form-hidden-fields.ts';
import {
  type FacetSearch,
  parseFacetSearch,
  parseSearchParams,
  searchParamsToQuery,
} from '$lib/server/search/parse-search-params.ts';
import type { SearchParams } from '$lib/server/search/search.views.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import { searchViewLinks } from '$lib/server/search/search-view-links.ts';
import { cachedSearchWithFacets } from '$lib/server/search/search-with-facets.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const locale = pageLocale(url);
  const t = messages(locale);
  const href = (path: string) => localizeHref(path, locale);
  let params: SearchParams;
  let within: FacetSearch | null = null;
  try {
    params = parseSearchParams(url.searchParams);
    // The small form inside a long facet list: `facet` and `facet_q` (an empty box: no search).
    if (url.searchParams.get('facet') && url.searchParams.get('facet_q')?.trim()) {
      within = parseFacetSearch(url.searchParams.get('facet'), url.searchParams);
    }
  } catch (e) {
    if (e instanceof InvalidParameterError) {
      error(400, { message: t.search.invalidParameter(e.parameter), code: 'invalid_parameter' });
    }
    throw e;
  }

  const { db } = await getApp();
  const { result, facets, facetsExact } = await cachedSearchWithFacets(db, params, new Date(), within);
  const options = await getSearchOptions(db);
  const { page, pageCount } = result;
  const link = (overrides: Partial<SearchParams>) =>
    href(`/recherche${searchParamsToQuery(params, overrides)}`);

  return {
    params,
    options,
    total: result.total,
    totalExact: result.totalExact,
    facetsExact,
    facets: facetLinks(params, facets, href('/recherche'), within?.facet),
    facetSearch: within ? { facet: within.facet, text: within.text } : null,
    // The current search as hidden fields of the forms inside long facet lists.
    facetSearchFields: [...new URLSearchParams(searchParamsToQuery({ ...params, page: 1, cursor: null }))],
    didYouMeanHref: result.didYouMean
      ? href(`/recherche${searchParamsToQuery({ ...params, q: result.didYouMean, page: 1, cursor: null })}`)
      : null,
    didYouMean: result.didYouMean,
    // Filters the form has no field for, so that submitting new words keeps them.
    hiddenFields: formHiddenFields(params, { sort: true }),
    page,
    pageCount,
    perPage: result.perPage,
    items: result.items,
    previousHref: page > 1 ? link({ page: Math.min(page - 1, Math.max(pageCount, 1)) }) : null,
    nextHref: page < pageCount ? link({ page: page + 1 }) : null,
    firstPageHref: link({ page: 1 }),
    jsonHref: `/api/v1/projects${searchParamsToQuery(params)}`,
    mapHref: href(`/carte${searchParamsToQuery({ ...params, page: 1, cursor: null })}`),
    csvHref: `/api/v1/projects.csv${searchParamsToQuery({ ...params, page: 1, cursor: null })}`,
    geojsonHref: `/api/v1/projects.geojson${searchParamsToQuery({ ...params, page: 1, cursor: null })}`,
    links: searchViewLinks(params, locale),
  };
};
