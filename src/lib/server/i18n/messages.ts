import { en } from '$lib/i18n/en.ts';
import { type ExploreMessages, exploreFr } from '$lib/i18n/explore.ts';
import { exploreEn } from '$lib/i18n/explore-en.ts';
import { fr, type Messages } from '$lib/i18n/fr.ts';
import type { Locale } from '$lib/i18n/locale.ts';

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
