import { error } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { getSearchCharts } from '$lib/server/charts/search-charts.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { facetLinks } from '$lib/server/search/facet-links.ts';
import { formHiddenFields } from '$lib/server/search/form-hidden-fields.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import type { SearchParams } from '$lib/server/search/search.views.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import { prepareQuery, searchFacetCounts } from '$lib/server/search/search-projects.ts';
import { searchViewLinks } from '$lib/server/search/search-view-links.ts';
import type { PageServerLoad } from './$types';

/** The current search as charts: the same parameters (and matches) as /recherche. */
export const load: PageServerLoad = async ({ url }) => {
  const locale = pageLocale(url);
  const t = messages(locale);
  const basePath = localizeHref('/recherche/graphiques', locale);
  let params: SearchParams;
  try {
    params = parseSearchParams(url.searchParams);
  } catch (e) {
    if (e instanceof InvalidParameterError) {
      error(400, { message: t.search.invalidParameter(e.parameter), code: 'invalid_parameter' });
    }
    throw e;
  }
  const { db } = await getApp();
  const prepared = await prepareQuery(db, params.q);
  const [charts, facets, options] = [
    await getSearchCharts(db, params, { basePath, locale }),
    await searchFacetCounts(db, params, { prepared }),
    await getSearchOptions(db),
  ];
  const links = searchViewLinks(params, locale);
  return {
    params,
    options,
    total: charts.total,
    charts: charts.charts,
    facets: facetLinks(params, facets.facets, basePath),
    facetsExact: facets.exact,
    links,
    csvHref: `/api/v1/projects.csv${searchParamsToQuery({ ...params, page: 1, cursor: null })}`,
    // Filters the form has no field for, so that submitting new words keeps them.
    hiddenFields: formHiddenFields(params, { sort: false }),
  };
};
