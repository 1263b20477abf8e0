import { redirect } from '@sveltejs/kit';
import { loadTerritory } from '../territory-load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const data = await loadTerritory(params.region, params.departement);
  if (data.page.territory.path !== `/territoires/${params.region}/${params.departement}`) {
    redirect(301, data.page.territory.path);
  }
  return data;
};
