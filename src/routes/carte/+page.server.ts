import { error } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import { searchViewLinks } from '$lib/server/search/search-view-links.ts';
import type { PageServerLoad } from './$types';

/** The map takes the same parameters as /recherche; its data loads from /carte/points.json. */
export const load: PageServerLoad = async ({ url }) => {
  const locale = pageLocale(url);
  try {
    const params = parseSearchParams(url.searchParams);
    const query = searchParamsToQuery({ ...params, page: 1 });
    return {
      params,
      query,
      listHref: localizeHref(`/recherche${query}`, locale),
      links: searchViewLinks(params, locale),
    };
  } catch (e) {
    if (e instanceof InvalidParameterError) {
      error(400, {
        message: messages(locale).search.invalidParameter(e.parameter),
        code: 'invalid_parameter',
      });
    }
    throw e;
  }
};
