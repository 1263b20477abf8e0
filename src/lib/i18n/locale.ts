/**
 * The languages of the public site and how they show in URLs: French at the root, English
 * under /en, with the same French paths (/en/recherche, /en/projets/<slug>). Used on the
 * server (hooks, loads) and in the browser (reroute, links), so it imports nothing.
 */

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** The BCP 47 tags of Intl formatting and og:locale. */
export const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Each language's name in itself, for the switch link. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/**
 * Paths served once for every language: the API, sitemaps, robots.txt, the map's data and the
 * embeddable widget (which takes ?lang=en instead, as partners choose it in their snippet).
 */
const UNPREFIXED = [
  /^\/api\//,
  /^\/sitemap/,
  /^\/robots\.txt$/,
  /^\/embed(\/|$)/,
  /^\/carte\/points\.json$/,
  /^\/carte\/departements\.geojson$/,
];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** True for paths that never take a language prefix. */
export function isUnprefixedPath(pathname: string): boolean {
  return UNPREFIXED.some((pattern) => pattern.test(pathname));
}

/** The language whose prefix starts the path (/en, /en/…), if any; the default has none. */
function prefixLocale(pathname: string): Locale | null {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    if (pathname === `/${locale}` || pathname.startsWith(`/${locale}/`)) {
      // /en/api/v1/… is not an address of ours: left alone, it answers 404.
      const rest = pathname.slice(locale.length + 1) || '/';
      return isUnprefixedPath(rest) ? null : locale;
    }
  }
  return null;
}

/** The path without its language prefix ('/en/recherche' → '/recherche', '/en' → '/'). */
export function stripLocale(pathname: string): string {
  const locale = prefixLocale(pathname);
  return locale ? pathname.slice(locale.length + 1) || '/' : pathname;
}

/** The language of a page address: /en/… is English, /embed?lang=en too, the rest French. */
export function localeOfUrl(url: URL): Locale {
  if (isUnprefixedPath(url.pathname)) {
    const lang = url.searchParams.get('lang');
    return url.pathname.startsWith('/embed') && isLocale(lang) ? lang : DEFAULT_LOCALE;
  }
  return prefixLocale(url.pathname) ?? DEFAULT_LOCALE;
}

/**
 * An internal link in the given language: '/recherche?q=x' → '/en/recherche?q=x' in English.
 * External links, fragments, relative links and unprefixed paths are returned unchanged, and a
 * link already in English is not prefixed twice.
 */
export function localizeHref(href: string, locale: Locale): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const end = href.search(/[?#]/);
  const path = end === -1 ? href : href.slice(0, end);
  const rest = end === -1 ? '' : href.slice(end);
  const bare = stripLocale(path);
  if (isUnprefixedPath(bare)) return href;
  if (locale === DEFAULT_LOCALE) return `${bare}${rest}`;
  return `/${locale}${bare === '/' ? '' : bare}${rest}`;
}

/** The same page (path and query) in another language. */
export function switchLocaleHref(url: URL, locale: Locale): string {
  return localizeHref(`${stripLocale(url.pathname)}${url.search}`, locale);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}
