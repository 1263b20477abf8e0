import { page } from '$app/state';
import type { ExploreMessages } from './explore.ts';
import type { Messages } from './fr.ts';
import { type Locale, localizeHref } from './locale.ts';

/**
 * The language of the page being shown, for components: the root layout's load puts the
 * locale and its dictionaries in the page data, so every component reads the same, on the
 * server and in the browser, and switching language by a link updates them all.
 *
 *   const t = $derived(i18n.t);          // then {t.search.title} in the markup
 *   <a href={i18n.href('/recherche')}>   // '/en/recherche' on an English page
 */
export const i18n = {
  get locale(): Locale {
    return data().locale;
  },
  get t(): Messages {
    return data().t;
  },
  get explore(): ExploreMessages {
    return data().explore;
  },
  /** An internal link in the page's language. */
  href(path: string): string {
    return localizeHref(path, data().locale);
  },
};

/** What routes/+layout.ts adds to every page's data. */
interface I18nData {
  locale: Locale;
  t: Messages;
  explore: ExploreMessages;
}

function data(): I18nData {
  return page.data as unknown as I18nData;
}
