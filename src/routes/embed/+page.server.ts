import { error } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { InvalidParameterError } from '$lib/server/errors.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { localizeCards } from '$lib/server/projects/localize-project-terms.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import { searchProjects } from '$lib/server/search/search-projects.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

/**
 * The embeddable widget: any search as a list or a map, for partners' own sites (in an
 * iframe). Same parameters as /recherche, plus view=list|map and lang=fr|en.
 */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
  const locale = pageLocale(url);
  const view = url.searchParams.get('view') === 'map' ? 'map' : 'list';
  let params: ReturnType<typeof parseSearchParams>;
  try {
    params = parseSearchParams(url.searchParams);
  } catch (e) {
    if (e instanceof InvalidParameterError)
      error(400, {
        message: messages(locale).search.invalidParameter(e.parameter),
        code: 'invalid_parameter',
      });
    throw e;
  }
  const { db, config } = await getApp();
  setHeaders({ 'Cache-Control': 'public, max-age=300' });
  const query = searchParamsToQuery({ ...params, page: 1 });
  const result = view === 'list' ? await searchProjects(db, params) : null;
  return {
    view,
    query,
    total: result?.total ?? null,
    items: localizeCards(result?.items ?? [], await termLabels(db, locale)),
    moreHref: `${config.publicUrl}${localizeHref(`/recherche${query}`, locale)}`,
    siteUrl: config.publicUrl,
  };
};
