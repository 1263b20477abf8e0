import { getApp } from '$lib/server/app.ts';
import { getHomeData } from '$lib/server/projects/get-home-data.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  const home = await getHomeData(db);
  return {
    figures: home.figures,
    latest: home.latest,
    themes: home.themes.map((theme) => ({
      ...theme,
      href: `/recherche?${new URLSearchParams({ theme: theme.code })}`,
    })),
  };
};
