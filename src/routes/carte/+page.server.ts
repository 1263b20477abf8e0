import { error } from '@sveltejs/kit';
import { fr as t } from '$lib/i18n/fr.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import { searchViewLinks } from '$lib/server/search/search-view-links.ts';
import type { PageServerLoad } from './$types';

/** The map takes the same parameters as /recherche; its data loads from /carte/points.json. */
export const load: PageServerLoad = async ({ url }) => {
  try {
    const params = parseSearchParams(url.searchParams);
    const query = searchParamsToQuery({ ...params, page: 1 });
    return { params, query, listHref: `/recherche${query}`, links: searchViewLinks(params) };
  } catch (e) {
    if (e instanceof InvalidParameterError) {
      error(400, { message: t.search.invalidParameter(e.parameter), code: 'invalid_parameter' });
    }
    throw e;
  }
};
