import { loadMessages } from '$lib/i18n/load-messages.ts';
import { localeOfUrl } from '$lib/i18n/locale.ts';
import type { LayoutLoad } from './$types';

/**
 * The page's language, from its address, and that language's dictionaries. A universal load:
 * dictionaries hold functions (plurals, dates), so they are imported where the page renders
 * instead of being sent by the server, and the browser imports only its own language.
 */
export const load: LayoutLoad = async ({ url, data }) => {
  const locale = localeOfUrl(url);
  return { ...data, locale, ...(await loadMessages(locale)) };
};
