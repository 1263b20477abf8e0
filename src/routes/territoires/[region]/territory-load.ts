import { error } from '@sveltejs/kit';
import { type Locale, localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { getTerritoryPage } from '$lib/server/explore/territory-pages.ts';
import { exploreMessages } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { localizeCards } from '$lib/server/projects/localize-project-terms.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';

/** Shared by the région and département pages: the page data and its themes chart. */
export async function loadTerritory(locale: Locale, region: string, departement?: string) {
  const t = exploreMessages(locale);
  const { db, config } = await getApp();
  const found = await memoize(`territory:${region}/${departement ?? ''}`, 60_000, () =>
    getTerritoryPage(db, region, departement),
  );
  if (!found) error(404, { message: t.territories.notFound, code: 'territory_not_found' });
  const labels = await termLabels(db, locale);
  const page = {
    ...found,
    themes: labels.terms('theme', found.themes),
    latest: localizeCards(found.latest, labels),
  };
  const chart = renderBarChartSvg({
    labels: page.themes.map((theme) => theme.label),
    values: page.themes.map((theme) => theme.share),
    compare: { name: t.territories.france, values: page.themes.map((theme) => theme.nationalShare) },
    seriesName: page.territory.name,
    format: 'percent',
    formatValue: t.formatPercent,
  });
  const charts = await exploreCharts(
    db,
    page.kind === 'departement' ? { departement: page.territory.code } : { region: page.territory.code },
    ['partner', 'month', 'stage'],
    locale,
  );
  return {
    page,
    chart,
    charts,
    canonical: `${config.publicUrl}${localizeHref(page.territory.path, locale)}`,
  };
}
