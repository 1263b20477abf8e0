import { getApp } from '$lib/server/app.ts';
import { renderRegionMapSvg } from '$lib/server/charts/render-france-map.ts';
import { listRegionCounts } from '$lib/server/explore/territory-pages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { getHomeData } from '$lib/server/projects/get-home-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  // National figures change at harvest or import: computed at most once a minute.
  return memoize('page:home', 60_000, async () => {
    const [home, regions] = await Promise.all([getHomeData(db), listRegionCounts(db)]);
    return {
      regions,
      map: renderRegionMapSvg(
        regions.map((r) => ({ code: r.code, value: r.per100k ?? 0 })),
        420,
        { names: Object.fromEntries(regions.map((r) => [r.code, r.name])) },
      ),
      figures: home.figures,
      latest: home.latest,
      themes: home.themes.map((theme) => ({
        ...theme,
        href: `/recherche?${new URLSearchParams({ theme: theme.code })}`,
      })),
    };
  });
};
