import { getApp } from '$lib/server/app.ts';
import { listPartners } from '$lib/server/explore/partner-pages.ts';
import { memoize } from '$lib/server/platform/memo.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await getApp();
  return { partners: await memoize('page:partners', 60_000, () => listPartners(db)) };
};
