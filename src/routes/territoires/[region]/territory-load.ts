import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { getTerritoryPage } from '$lib/server/explore/territory-pages.ts';
import { memoize } from '$lib/server/platform/memo.ts';

/** Shared by the région and département pages: the page data and its themes chart. */
export async function loadTerritory(region: string, departement?: string) {
  const { db, config } = await getApp();
  const page = await memoize(`territory:${region}/${departement ?? ''}`, 60_000, () =>
    getTerritoryPage(db, region, departement),
  );
  if (!page) error(404, { message: 'Ce territoire est inconnu.', code: 'territory_not_found' });
  const chart = renderBarChartSvg({
    labels: page.themes.map((theme) => theme.label),
    values: page.themes.map((theme) => theme.share),
    compare: { name: 'France entière', values: page.themes.map((theme) => theme.nationalShare) },
    seriesName: page.territory.name,
    format: 'percent',
  });
  const charts = await exploreCharts(
    db,
    page.kind === 'departement' ? { departement: page.territory.code } : { region: page.territory.code },
    ['partner', 'month', 'stage'],
  );
  return { page, chart, charts, canonical: `${config.publicUrl}${page.territory.path}` };
}
