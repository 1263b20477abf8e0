import type { ChartLocale, ChartName } from '../../i18n/charts.ts';
import { localizeHref } from '../../i18n/locale.ts';
import type { Queryable } from '../platform/db/database.ts';
import { memoize } from '../platform/memo.ts';
import { parseSearchParams, searchParamsToQuery } from '../search/parse-search-params.ts';
import { getSearchCharts, type SearchChartView } from './search-charts.ts';

export interface ExploreChartsView {
  charts: SearchChartView[];
  /** The same projects in the charts view of the search, with its filters. */
  searchHref: string;
}

/**
 * Some charts of the search charts for a territory, theme or partner page (a filter such as
 * { region: '84' }), computed at most once a minute per page: bars lead to the narrowed search.
 */
export function exploreCharts(
  db: Queryable,
  filter: Record<string, string>,
  names: ChartName[],
  locale: ChartLocale = 'fr',
): Promise<ExploreChartsView> {
  const params = parseSearchParams(new URLSearchParams(filter));
  const query = searchParamsToQuery(params);
  return memoize(`explore-charts:${locale}:${names.join(',')}:${query}`, 60_000, async () => {
    const basePath = localizeHref('/recherche/graphiques', locale);
    const { charts } = await getSearchCharts(db, params, { names, locale, basePath });
    // A stage chart that only says "not stated" tells nothing: left out.
    const informative = charts.filter(
      (c) => !(c.name === 'stage' && c.rows.every((r) => r.code === 'unknown')),
    );
    return { charts: informative, searchHref: `${basePath}${query}` };
  });
}
