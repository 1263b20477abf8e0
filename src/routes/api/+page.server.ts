import { API_EXAMPLES } from '$lib/server/http/openapi.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  examples: API_EXAMPLES.map(({ summary, path }) => ({ summary, path })),
});
