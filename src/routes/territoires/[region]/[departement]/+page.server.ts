import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { pageLocale } from '$lib/server/i18n/messages.ts';
import { loadTerritory } from '../territory-load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const data = await loadTerritory(locale, params.region, params.departement);
  if (data.page.territory.path !== `/territoires/${params.region}/${params.departement}`) {
    redirect(301, localizeHref(data.page.territory.path, locale));
  }
  return data;
};
