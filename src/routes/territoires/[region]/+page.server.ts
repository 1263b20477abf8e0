import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { loadTerritory } from './territory-load.ts';

export const load: PageServerLoad = async ({ params }) => {
  const data = await loadTerritory(params.region);
  // A région named by its code ("84") moves to its readable address.
  if (data.page.territory.slug !== params.region) redirect(301, data.page.territory.path);
  return data;
};
