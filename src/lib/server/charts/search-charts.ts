import { type ChartLocale, type ChartName, chartsText } from '../../i18n/charts.ts';
import { loadStatisticLabels, type StatisticLabels } from '../opendata/statistic-labels.ts';
import type { Queryable } from '../platform/db/database.ts';
import { searchParamsToQuery } from '../search/parse-search-params.ts';
import type { SearchParams } from '../search/search.views.ts';
import { prepareQuery, searchFilterValues } from '../search/search-projects.ts';
import type { Stage } from '../search/stages.ts';
import { linkChartMarks } from './link-chart-marks.ts';
import { renderBarChartSvg } from './render-bar-chart.ts';
import { OVERSEAS_REGIONS, renderRegionMapSvg } from './render-france-map.ts';
import { SEARCH_CHART_COUNTS_SQL } from './search-chart-counts.query.ts';

/** One category of a chart: a table row, a bar or a région. */
export interface ChartRowView {
  code: string;
  label: string;
  projects: number;
  /** The search narrowed to this category (charts view), or null when it cannot be a filter. */
  href: string | null;
}

export interface SearchChartView {
  name: ChartName;
  /** Every category, in the chart's order (the table shows them all). */
  rows: ChartRowView[];
  /** How many of the rows the chart draws (long lists draw the first ones). */
  shown: number;
  /** Server-rendered SVG whose bars or régions are links with tooltips. */
  svg: string;
  /** The same counts as CSV, from the statistics API with the same search parameters. */
  csvHref: string;
}

export interface SearchChartsView {
  /** Matching projects (exact). */
  total: number;
  charts: SearchChartView[];
}

const CHART_NAMES: ChartName[] = ['theme', 'region', 'departement', 'partner', 'month', 'stage'];
const STAGE_ORDER = ['launch', 'deployment', 'scaling', 'completed', 'unknown'];
/** Bars drawn at most per chart; months: the latest ones. */
const MAX_BARS: Record<ChartName, number> = {
  theme: 30,
  region: 30,
  departement: 20,
  partner: 20,
  month: 36,
  stage: 10,
};

export interface SearchChartCounts {
  total: number;
  /** Per chart, its categories' codes and project counts (unordered). */
  counts: Record<ChartName, { code: string; projects: number }[]>;
}

/** Every count of the charts of a search, in one query over its matches. */
export async function countSearchCharts(
  db: Queryable,
  params: SearchParams,
  now = new Date(),
): Promise<SearchChartCounts> {
  const prepared = await prepareQuery(db, params.q);
  const rows = await db.query<{ dimension: 'total' | ChartName; code: string | null; projects: number }>(
    SEARCH_CHART_COUNTS_SQL,
    [prepared.tsquery, ...searchFilterValues(params, now), params.stages],
  );
  const counts = Object.fromEntries(
    CHART_NAMES.map((name) => [name, []]),
  ) as unknown as SearchChartCounts['counts'];
  let total = 0;
  for (const row of rows) {
    if (row.dimension === 'total') total = row.projects;
    else if (row.code !== null) counts[row.dimension].push({ code: row.code, projects: row.projects });
  }
  return { total, counts };
}

/** The search with one category as its filter, from page 1; null when that changes nothing. */
export function narrowSearch(
  params: SearchParams,
  name: ChartName,
  code: string,
  labels: StatisticLabels,
): SearchParams | null {
  const next: SearchParams = { ...params, page: 1, cursor: null };
  switch (name) {
    case 'theme':
      return params.themes.length === 1 && params.themes[0] === code ? null : { ...next, themes: [code] };
    case 'partner':
      return params.partners.length === 1 && params.partners[0] === code
        ? null
        : { ...next, partners: [code] };
    case 'region':
      return params.region === code && !params.departement && !params.epci && !params.commune
        ? null
        : { ...next, region: code, departement: null, epci: null, commune: null };
    case 'departement':
      return params.departement === code && !params.epci && !params.commune
        ? null
        : {
            ...next,
            region: labels.regionOf(code) ?? params.region,
            departement: code,
            epci: null,
            commune: null,
          };
    case 'stage':
      // 'unknown' is no stage to filter on.
      if (code === 'unknown') return null;
      return params.stages.length === 1 && params.stages[0] === code
        ? null
        : { ...next, stages: [code as Stage] };
    case 'month':
      // Not a search filter: its categories are shown, not followed.
      return null;
  }
}

function orderRows(name: ChartName, rows: ChartRowView[]): ChartRowView[] {
  if (name === 'month') return rows.sort((a, b) => a.code.localeCompare(b.code));
  if (name === 'stage') return rows.sort((a, b) => STAGE_ORDER.indexOf(a.code) - STAGE_ORDER.indexOf(b.code));
  return rows.sort((a, b) => b.projects - a.projects || a.label.localeCompare(b.label, 'fr'));
}

/**
 * The charts of a search — the same parameters and matching projects as the result list — by
 * theme, région (a map), département, partner, month first seen and maturity stage, rendered as
 * SVG on the server with a link per bar that narrows the search, each with its rows for a table.
 */
export async function getSearchCharts(
  db: Queryable,
  params: SearchParams,
  options: { locale?: ChartLocale; basePath?: string; now?: Date; names?: ChartName[] } = {},
): Promise<SearchChartsView> {
  const locale = options.locale ?? 'fr';
  const basePath = options.basePath ?? '/recherche/graphiques';
  const t = chartsText[locale];
  const labels = await loadStatisticLabels(db, locale);
  const { total, counts } = await countSearchCharts(db, params, options.now);
  if (total === 0) return { total, charts: [] };
  const query = searchParamsToQuery(params, {
    page: 1,
    cursor: null,
    sort: params.q ? 'relevance' : 'newest',
  });
  const charts: SearchChartView[] = [];
  for (const name of CHART_NAMES.filter((n) => !options.names || options.names.includes(n))) {
    const rows = orderRows(
      name,
      counts[name].map(({ code, projects }) => {
        const narrowed = narrowSearch(params, name, code, labels);
        return {
          code,
          label: labels.label(name, code),
          projects,
          href: narrowed ? `${basePath}${searchParamsToQuery(narrowed)}` : null,
        };
      }),
    );
    if (!rows.length) continue;
    const drawn = name === 'month' ? rows.slice(-MAX_BARS.month) : rows.slice(0, MAX_BARS[name]);
    const markOf = (row: ChartRowView | undefined) =>
      row
        ? {
            title: row.href
              ? t.charts.narrow(row.label, t.charts.projectCount(row.projects))
              : t.charts.tooltip(row.label, t.charts.projectCount(row.projects)),
            href: row.href,
          }
        : null;
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const svg =
      name === 'region'
        ? renderRegionMapSvg(
            rows.map((row) => ({ code: row.code, value: row.projects })),
            420,
            {
              names: Object.fromEntries(OVERSEAS_REGIONS.map((code) => [code, labels.label('region', code)])),
              markOf: (code) =>
                markOf(
                  byCode.get(code) ?? { code, label: labels.label('region', code), projects: 0, href: null },
                ),
            },
          )
        : linkChartMarks(
            renderBarChartSvg({
              labels: drawn.map((row) => row.label),
              values: drawn.map((row) => row.projects),
              seriesName: t.charts.seriesName,
            }),
            (i) => markOf(drawn[i]),
          );
    const csvQuery = new URLSearchParams(query.slice(1));
    csvQuery.set('by', name);
    csvQuery.set('format', 'csv');
    charts.push({
      name,
      rows,
      shown: name === 'region' ? rows.length : drawn.length,
      svg,
      csvHref: `/api/v1/statistics?${csvQuery}`,
    });
  }
  return { total, charts };
}
