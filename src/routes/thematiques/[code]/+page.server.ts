import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { getThemePage } from '$lib/server/explore/theme-pages.ts';
import { exploreMessages, pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const { db, config } = await getApp();
  const theme = await memoize(`theme:${params.code}`, 60_000, () => getThemePage(db, params.code));
  if (!theme) error(404, { message: exploreMessages(locale).themes.notFound, code: 'theme_not_found' });
  if (theme.code !== params.code) redirect(301, localizeHref(`/thematiques/${theme.code}`, locale));
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
