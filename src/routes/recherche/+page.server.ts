import { error } from '@sveltejs/kit';
import { fr as t } from '$lib/i18n/fr.ts';
import { getApp } from '$lib/server/app.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import type { SearchParams } from '$lib/server/search/search.views.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import { searchProjects } from '$lib/server/search/search-projects.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
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
  const [result, options] = await Promise.all([searchProjects(db, params), getSearchOptions(db)]);
  const { page, pageCount } = result;
  const link = (overrides: Partial<SearchParams>) => `/recherche${searchParamsToQuery(params, overrides)}`;

  return {
    params,
    options,
    total: result.total,
    page,
    pageCount,
    perPage: result.perPage,
    items: result.items,
    previousHref: page > 1 ? link({ page: Math.min(page - 1, Math.max(pageCount, 1)) }) : null,
    nextHref: page < pageCount ? link({ page: page + 1 }) : null,
    firstPageHref: link({ page: 1 }),
    jsonHref: `/api/v1/projects${searchParamsToQuery(params)}`,
  };
};
