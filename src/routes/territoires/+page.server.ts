import { getApp } from '$lib/server/app.ts';
import { renderRegionsPageMap } from '$lib/server/charts/regions-map.ts';
import { renderBarChartSvg } from '$lib/server/charts/render-bar-chart.ts';
import { listRegionCounts } from '$lib/server/explore/territory-pages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  return memoize('page:territories', 60_000, async () => {
    const regions = await listRegionCounts(db);
    const chart = renderBarChartSvg({
      labels: regions.map((r) => r.name),
      values: regions.map((r) => r.per100k ?? 0),
      seriesName: 'Projets pour 100 000 habitants',
    });
    return { regions, chart, map: renderRegionsPageMap(regions) };
  });
};
