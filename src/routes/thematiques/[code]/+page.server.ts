import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { getThemePage } from '$lib/server/explore/theme-pages.ts';
import { exploreMessages, pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { localizeCards } from '$lib/server/projects/localize-project-terms.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const { db, config } = await getApp();
  const found = await memoize(`theme:${params.code}`, 60_000, () => getThemePage(db, params.code));
  if (!found) error(404, { message: exploreMessages(locale).themes.notFound, code: 'theme_not_found' });
  if (found.code !== params.code) redirect(301, localizeHref(`/thematiques/${found.code}`, locale));
  const labels = await termLabels(db, locale);
  const theme = {
    ...found,
    label: labels.label(found.kind, found.code, found.label),
    parent: found.parent && labels.terms('theme', [found.parent])[0],
    children: labels.terms('subtheme', found.children),
    latest: localizeCards(found.latest, labels),
  };
  const regions = theme.regions.filter((r) => r.projects > 0);
  const chart = renderBarChartSvg({
    labels: regions.map((r) => r.name),
    values: regions.map((r) => r.projects),
    seriesName: theme.label,
    formatValue: exploreMessages(locale).formatNumber,
  });
  const charts = await exploreCharts(db, { theme: theme.code }, ['partner', 'month', 'stage'], locale);
  return {
    theme,
    regions,
    chart,
    charts,
    canonical: `${config.publicUrl}${localizeHref(`/thematiques/${theme.code}`, locale)}`,
  };
};
