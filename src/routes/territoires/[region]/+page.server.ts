import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/locale.ts';
import { pageLocale } from '$lib/server/i18n/messages.ts';
import type { PageServerLoad } from './$types';
import { loadTerritory } from './territory-load.ts';

export const load: PageServerLoad = async ({ url, params }) => {
  const locale = pageLocale(url);
  const data = await loadTerritory(locale, params.region);
  // A région named by its code ("84") moves to its readable address.
  if (data.page.territory.slug !== params.region)
    redirect(301, localizeHref(data.page.territory.path, locale));
  return data;
};
