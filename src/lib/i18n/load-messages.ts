import type { ExploreMessages } from './explore.ts';
import type { Messages } from './fr.ts';
import type { Locale } from './locale.ts';

export interface Dictionaries {
  t: Messages;
  explore: ExploreMessages;
}

/**
 * The dictionaries of one language, imported on demand: the browser downloads only the
 * language of the page (each dictionary is its own chunk), never both.
 */
export async function loadMessages(locale: Locale): Promise<Dictionaries> {
  if (locale === 'en') {
    const [{ en }, { exploreEn }] = await Promise.all([import('./en.ts'), import('./explore-en.ts')]);
    return { t: en, explore: exploreEn };
  }
  const [{ fr }, { exploreFr }] = await Promise.all([import('./fr.ts'), import('./explore.ts')]);
  return { t: fr, explore: exploreFr };
}
