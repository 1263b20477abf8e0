import { z } from 'zod';
import { InvalidParameterError } from '../errors.ts';
import type { SearchParams } from './search.views.ts';

export const MAX_PER_PAGE = 100;
const code = /^[A-Za-z0-9]{1,10}$/;

const schema = z.object({
  q: z.string().max(200, 'at most 200 characters').default(''),
  theme: z.array(z.string().regex(code, 'a theme code such as EMP or ACE')).max(20).default([]),
  region: z
    .string()
    .regex(/^\d{2,3}$/, 'a région code such as 84')
    .optional(),
  departement: z
    .string()
    .regex(/^(\d{2}|2[AB]|\d{3})$/, 'a département code such as 69, 2A or 974')
    .optional(),
  page: z.coerce.number().int('a whole number').min(1, 'at least 1').max(1000, 'at most 1000').default(1),
  per_page: z.coerce
    .number()
    .int('a whole number')
    .min(1, 'at least 1')
    .max(MAX_PER_PAGE, `at most ${MAX_PER_PAGE}`)
    .default(20),
});

/**
 * The one parser of search parameters for the page (/recherche) and the API (/api/v1/projects),
 * so any view can be shared as a URL and reproduced in code. Empty values count as absent.
 */
export function parseSearchParams(input: URLSearchParams): SearchParams {
  const get = (name: string) => {
    const value = input.get(name)?.trim();
    return value ? value : undefined;
  };
  const themes = input
    .getAll('theme')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
  const result = schema.safeParse({
    q: get('q'),
    theme: themes,
    region: get('region'),
    departement: get('departement')?.toUpperCase(),
    page: get('page'),
    per_page: get('per_page'),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const parameter = String(issue?.path[0] ?? 'query');
    throw new InvalidParameterError(parameter, issue?.message ?? 'invalid value');
  }
  const p = result.data;
  return {
    q: p.q.replace(/\s+/g, ' ').trim(),
    themes: [...new Set(p.theme)],
    region: p.region ?? null,
    departement: p.departement ?? null,
    page: p.page,
    perPage: p.per_page,
  };
}

/** The URL query string for these parameters (defaults left out), for links and pagination. */
export function searchParamsToQuery(params: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const p = { ...params, ...overrides };
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  for (const theme of p.themes) out.append('theme', theme);
  if (p.region) out.set('region', p.region);
  if (p.departement) out.set('departement', p.departement);
  if (p.page > 1) out.set('page', String(p.page));
  if (p.perPage !== 20) out.set('per_page', String(p.perPage));
  const s = out.toString();
  return s ? `?${s}` : '';
}
