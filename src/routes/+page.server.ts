import { getApp } from '$lib/server/app.ts';
import { renderRegionMapSvg } from '$lib/server/charts/render-france-map.ts';
import { listRegionCounts } from '$lib/server/explore/territory-pages.ts';
import { pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { getHomeData } from '$lib/server/projects/get-home-data.ts';
import { localizeCards } from '$lib/server/projects/localize-project-terms.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await getApp();
  const labels = await termLabels(db, pageLocale(url));
  // National figures change at harvest or import: computed at most once a minute.
  const page = await memoize('page:home', 60_000, async () => {
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
  return { ...page, latest: localizeCards(page.latest, labels), themes: labels.terms('theme', page.themes) };
};
