import { error, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app.ts';
import { exploreCharts } from '$lib/server/charts/explore-charts.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { getThemePage } from '$lib/server/explore/theme-pages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const { db, config } = await getApp();
  const theme = await memoize(`theme:${params.code}`, 60_000, () => getThemePage(db, params.code));
  if (!theme) error(404, { message: 'Ce thème est inconnu.', code: 'theme_not_found' });
  if (theme.code !== params.code) redirect(301, `/thematiques/${theme.code}`);
  const regions = theme.regions.filter((r) => r.projects > 0);
  const chart = renderBarChartSvg({
    labels: regions.map((r) => r.name),
    values: regions.map((r) => r.projects),
    seriesName: theme.label,
  });
  const charts = await exploreCharts(db, { theme: theme.code }, ['partner', 'month', 'stage']);
  return { theme, regions, chart, charts, canonical: `${config.publicUrl}/thematiques/${theme.code}` };
};
