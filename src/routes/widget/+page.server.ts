import { DEFAULT_LOCALE, isLocale } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { messages, pageLocale } from '$lib/server/i18n/messages.ts';
import { localizeSearchOptions } from '$lib/server/search/localize-search-terms.ts';
import { parseSearchParams, searchParamsToQuery } from '$lib/server/search/parse-search-params.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

/** Builds the copy-paste snippet of the widget for the search chosen in the form (GET). */
export const load: PageServerLoad = async ({ url }) => {
  const locale = pageLocale(url);
  const { db, config } = await getApp();
  let params: ReturnType<typeof parseSearchParams>;
  try {
    params = parseSearchParams(url.searchParams);
  } catch {
    params = parseSearchParams(new URLSearchParams());
  }
  const view = url.searchParams.get('view') === 'map' ? 'map' : 'list';
  const query = new URLSearchParams(searchParamsToQuery({ ...params, page: 1 }).slice(1));
  if (view === 'map') query.set('view', 'map');
  // The widget's language: the one chosen in the form, else the page's.
  const chosen = url.searchParams.get('lang');
  const lang = isLocale(chosen) ? chosen : locale;
  if (lang !== DEFAULT_LOCALE) query.set('lang', lang);
  const embedPath = `/embed${query.size ? `?${query}` : ''}`;
  const title = messages(lang).widget.iframeTitle;
  const snippet = `<iframe src="${config.publicUrl}${embedPath}" title="${title}" width="100%" height="600" loading="lazy" style="border:0"></iframe>`;
  const options = localizeSearchOptions(await getSearchOptions(db), await termLabels(db, locale));
  return { params, view, lang, embedPath, snippet, options };
};
