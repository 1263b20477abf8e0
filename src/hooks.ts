import type { Reroute } from '@sveltejs/kit';
import { stripLocale } from '$lib/i18n/locale.ts';

/** English pages are the French routes under /en: /en/recherche is served by routes/recherche. */
export const reroute: Reroute = ({ url }) => stripLocale(url.pathname);
