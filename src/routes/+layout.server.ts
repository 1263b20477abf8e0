import { getConfig } from '$lib/server/platform/config.ts';
import type { LayoutServerLoad } from './$types';

/** The public address, for absolute hreflang links; the same for every page, so loaded once. */
export const load: LayoutServerLoad = () => ({ publicUrl: getConfig().publicUrl });
