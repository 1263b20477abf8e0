import { getApp } from '$lib/server/app.ts';
import { pageLocale } from '$lib/server/i18n/messages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import { getHomeData } from '$lib/server/projects/get-home-data.ts';
import { localizeThemeTree } from '$lib/server/search/localize-search-terms.ts';
import { getSearchOptions } from '$lib/server/search/search-options.ts';
import { termLabels } from '$lib/server/taxonomy/term-labels.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await getApp();
  const labels = await termLabels(db, pageLocale(url));
  const page = await memoize('page:themes', 60_000, async () => {
    const [options, home] = await Promise.all([getSearchOptions(db), getHomeData(db)]);
    const counts = new Map(home.themes.map((theme) => [theme.code, theme.count]));
    return { themes: options.themes.map((theme) => ({ ...theme, count: counts.get(theme.code) ?? 0 })) };
  });
  return { themes: localizeThemeTree(page.themes, labels) };
};
