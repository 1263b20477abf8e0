import { getApp } from '$lib/server/app.ts';
import { renderRegionsPageMap } from '$lib/server/charts/regions-map.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { listRegionCounts } from '$lib/server/explore/territory-pages.ts';
import { exploreMessages, pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const locale = pageLocale(url);
  const { db } = await getApp();
  const t = exploreMessages(locale);
  return memoize(`page:territories:${locale}`, 60_000, async () => {
    const regions = await listRegionCounts(db);
    const chart = renderBarChartSvg({
      labels: regions.map((r) => r.name),
      values: regions.map((r) => r.per100k ?? 0),
      seriesName: t.territories.per100kSeries,
      formatValue: t.formatNumber,
    });
    return { regions, chart, map: renderRegionsPageMap(regions, locale) };
  });
};
