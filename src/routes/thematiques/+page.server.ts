import { getApp } from '$lib/server/app.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { getHomeData } from '$lib/server/projects/get-home-data.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  return memoize('page:themes', 60_000, async () => {
    const [options, home] = await Promise.all([getSearchOptions(db), getHomeData(db)]);
    const counts = new Map(home.themes.map((theme) => [theme.code, theme.count]));
    return { themes: options.themes.map((theme) => ({ ...theme, count: counts.get(theme.code) ?? 0 })) };
  });
};
