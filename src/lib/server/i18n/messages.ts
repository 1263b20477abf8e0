import { en } from '../../i18n/en.ts';
import { type ExploreMessages, exploreFr } from '../../i18n/explore.ts';
import { exploreEn } from '../../i18n/explore-en.ts';
import { fr, type Messages } from '../../i18n/fr.ts';
import { type Locale, localeOfUrl } from '../../i18n/locale.ts';

/**
 * The dictionaries of a language, for server code (loads, form actions, error messages). Both
 * languages are imported here, on the server only; the browser loads just its own
 * ($lib/i18n/load-messages.ts).
 */
export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : fr;
}

export function exploreMessages(locale: Locale): ExploreMessages {
  return locale === 'en' ? exploreEn : exploreFr;
}

/**
 * The language of the page a load serves. Loads read it from the URL rather than from
 * `locals.locale`: SvelteKit reruns a load in the browser only when something it read changed,
 * and /recherche?q=x → /en/recherche?q=x changes nothing but the pathname.
 */
export function pageLocale(url: URL): Locale {
  return localeOfUrl(url);
}
