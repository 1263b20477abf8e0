import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locale.ts';
import { InvalidParameterError } from '../errors.ts';
import { METHOD_CODES } from '../taxonomy/method-codes.ts';
import { type FacetName, SEARCH_SORTS, type SearchParams } from './search.views.ts';
import { STAGES } from './stages.ts';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
const code = /^[A-Za-z0-9]{1,10}$/;
const list = (item: z.ZodString, description: string) =>
  z.array(item).max(20).default([]).describe(description);
const coordinate = (min: number, max: number, what: string) =>
  z.coerce.number(`a ${what} in decimal degrees`).min(min, `at least ${min}`).max(max, `at most ${max}`);

/**
 * The search parameters as the API documents them (query string, all optional). Lists accept
 * repeated parameters or commas: `theme=EMP&theme=SOL` or `theme=EMP,SOL`.
 */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .max(200, 'at most 200 characters')
    .default('')
    .describe('Words to search (accents optional, typos tolerated, "phrases", -exclusions)'),
  theme: list(
    z.string().regex(code, 'a theme code such as EMP or ACE'),
    'Theme or sub-theme codes (any of them)',
  ),
  public: list(z.string().regex(code, 'a public code such as JEU'), 'Public codes (any of them)'),
  partner: list(
    z.string().regex(/^[a-z0-9-]{1,80}$/, 'a partner slug such as fondation-la-france-s-engage'),
    'Partner slugs (any of them)',
  ),
  stage: z
    .array(z.enum(STAGES, `one of ${STAGES.join(', ')}`))
    .max(4)
    .default([])
    .describe(`Maturity stages (any of them): ${STAGES.join(', ')}`),
  method: z
    .array(z.enum(METHOD_CODES, `one of ${METHOD_CODES.join(', ')}`))
    .max(METHOD_CODES.length)
    .default([])
    .describe(
      'Methods (any of them), CIS 2018 codes: COO coopération, EVA évaluation, GOU gouvernance, MEC mécénat, MED médiation, PAR participation, REC recherche',
    ),
  region: z
    .string()
    .regex(/^\d{2,3}$/, 'a région code such as 84')
    .optional()
    .describe('Région code (INSEE)'),
  departement: z
    .string()
    .regex(/^(\d{2}|2[AB]|\d{3})$/, 'a département code such as 69, 2A or 974')
    .optional()
    .describe('Département code'),
  epci: z
    .string()
    .regex(/^\d{9}$/, 'an EPCI SIREN code of 9 digits')
    .optional()
    .describe('EPCI (intercommunalité) SIREN code'),
  commune: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'a commune INSEE code such as 69123')
    .optional()
    .describe('Commune INSEE code'),
  lat: coordinate(-90, 90, 'latitude').optional().describe('Latitude of a point (with lon)'),
  lon: coordinate(-180, 180, 'longitude').optional().describe('Longitude of a point (with lat)'),
  radius: z.coerce
    .number('a distance in kilometres')
    .gt(0, 'more than 0')
    .max(1000, 'at most 1000')
    .optional()
    .describe('Radius in kilometres around lat/lon'),
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'west,south,east,north in decimal degrees')
    .optional()
    .describe('Map bounding box: west,south,east,north'),
  fresh: z
    .enum(['true', 'false', '1', '0'], 'true or false')
    .optional()
    .describe('Only projects seen at their source in the last 12 months'),
  sort: z
    .enum(SEARCH_SORTS, `one of ${SEARCH_SORTS.join(', ')}`)
    .optional()
    .describe('relevance (default with q), newest (default without), name, distance (needs lat/lon)'),
  page: z.coerce
    .number('a whole number')
    .int('a whole number')
    .min(1, 'at least 1')
    .max(1000, 'at most 1000')
    .default(1)
    .describe('Page number'),
  per_page: z.coerce
    .number('a whole number')
    .int('a whole number')
    .min(1, 'at least 1')
    .max(MAX_PER_PAGE, `at most ${MAX_PER_PAGE}`)
    .default(DEFAULT_PER_PAGE)
    .describe('Results per page'),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'a cursor given by a previous answer')
    .optional()
    .describe('Opaque cursor of the next page (links.next); replaces page'),
});

const LIST_PARAMETERS = ['theme', 'public', 'partner', 'stage', 'method'] as const;

/**
 * The one parser of search parameters for the page (/recherche) and the API (/api/v1/projects),
 * so any view can be shared as a URL and reproduced in code. Empty values count as absent.
 */
export function parseSearchParams(input: URLSearchParams): SearchParams {
  const get = (name: string) => {
    const value = input.get(name)?.trim();
    return value ? value : undefined;
  };
  const listOf = (name: (typeof LIST_PARAMETERS)[number]) =>
    input
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .map((v) => (name === 'partner' || name === 'stage' ? v.toLowerCase() : v.toUpperCase()))
      .filter(Boolean);
  const result = searchQuerySchema.safeParse({
    q: get('q'),
    theme: listOf('theme'),
    public: listOf('public'),
    partner: listOf('partner'),
    stage: listOf('stage'),
    method: listOf('method'),
    region: get('region'),
    departement: get('departement')?.toUpperCase(),
    epci: get('epci'),
    commune: get('commune')?.toUpperCase(),
    lat: get('lat'),
    lon: get('lon'),
    radius: get('radius'),
    bbox: get('bbox'),
    fresh: get('fresh')?.toLowerCase(),
    sort: get('sort'),
    page: get('page'),
    per_page: get('per_page'),
    cursor: get('cursor'),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const parameter = String(issue?.path[0] ?? 'query');
    throw new InvalidParameterError(parameter, issue?.message ?? 'invalid value');
  }
  const p = result.data;
  if ((p.lat === undefined) !== (p.lon === undefined)) {
    throw new InvalidParameterError(p.lat === undefined ? 'lat' : 'lon', 'lat and lon go together');
  }
  if (p.radius !== undefined && p.lat === undefined) {
    throw new InvalidParameterError('radius', 'a radius needs a point: lat and lon');
  }
  if (p.sort === 'distance' && p.lat === undefined) {
    throw new InvalidParameterError('sort', 'the distance sort needs a point: lat and lon');
  }
  const q = p.q.replace(/\s+/g, ' ').trim();
  return {
    q,
    themes: [...new Set(p.theme)],
    publics: [...new Set(p.public)],
    partners: [...new Set(p.partner)],
    stages: [...new Set(p.stage)],
    methods: [...new Set(p.method)],
    region: p.region ?? null,
    departement: p.departement ?? null,
    epci: p.epci ?? null,
    commune: p.commune ?? null,
    near:
      p.lat !== undefined && p.lon !== undefined
        ? { lat: p.lat, lon: p.lon, radiusKm: p.radius ?? null }
        : null,
    bbox: p.bbox ? parseBbox(p.bbox) : null,
    fresh: p.fresh === 'true' || p.fresh === '1',
    sort: p.sort ?? (q ? 'relevance' : 'newest'),
    page: p.page,
    perPage: p.per_page,
    cursor: p.cursor ?? null,
  };
}

function parseBbox(value: string): SearchParams['bbox'] {
  const [west = 0, south = 0, east = 0, north = 0] = value.split(',').map(Number);
  const valid =
    [west, south, east, north].every(Number.isFinite) &&
    west >= -180 &&
    east <= 180 &&
    west < east &&
    south >= -90 &&
    north <= 90 &&
    south < north;
  if (!valid)
    throw new InvalidParameterError('bbox', 'west,south,east,north with west < east and south < north');
  return { west, south, east, north };
}

/** The default sort for these parameters (left out of URLs). */
function defaultSort(params: SearchParams): SearchParams['sort'] {
  return params.q ? 'relevance' : 'newest';
}

/** The URL query string for these parameters (defaults left out), for links and pagination. */
export function searchParamsToQuery(params: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const p = { ...params, ...overrides };
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  for (const theme of p.themes) out.append('theme', theme);
  for (const value of p.publics) out.append('public', value);
  for (const value of p.partners) out.append('partner', value);
  for (const value of p.stages) out.append('stage', value);
  for (const value of p.methods) out.append('method', value);
  if (p.region) out.set('region', p.region);
  if (p.departement) out.set('departement', p.departement);
  if (p.epci) out.set('epci', p.epci);
  if (p.commune) out.set('commune', p.commune);
  if (p.near) {
    out.set('lat', String(p.near.lat));
    out.set('lon', String(p.near.lon));
    if (p.near.radiusKm !== null) out.set('radius', String(p.near.radiusKm));
  }
  if (p.bbox) out.set('bbox', [p.bbox.west, p.bbox.south, p.bbox.east, p.bbox.north].join(','));
  if (p.fresh) out.set('fresh', 'true');
  if (p.sort !== defaultSort(p)) out.set('sort', p.sort);
  if (p.cursor) out.set('cursor', p.cursor);
  else if (p.page > 1) out.set('page', String(p.page));
  if (p.perPage !== DEFAULT_PER_PAGE) out.set('per_page', String(p.perPage));
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** Opaque cursors: a position in the results, tied to nothing else. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^o(\d{1,7})$/.exec(text);
  if (!match) throw new InvalidParameterError('cursor', 'a cursor given by a previous answer');
  return Number(match[1]);
}

/** Facets whose values can be searched (long lists), and the search inside one of them. */
export const FACET_NAMES = [
  'theme',
  'subtheme',
  'public',
  'partner',
  'stage',
  'method',
  'region',
  'departement',
  'epci',
  'commune',
] as const satisfies readonly FacetName[];

export const facetSearchSchema = z.object({
  facet_q: z
    .string()
    .trim()
    .min(1, 'at least 1 character')
    .max(100, 'at most 100 characters')
    .describe('Words to find in the labels of the facet’s values (accents and case ignored)'),
  limit: z.coerce
    .number('a whole number')
    .int('a whole number')
    .min(1, 'at least 1')
    .max(200, 'at most 200')
    .default(50)
    .describe('Values at most, most frequent first'),
});

export interface FacetSearch {
  facet: FacetName;
  text: string;
  limit: number;
}

/**
 * The search inside one facet's values: the facet (a path segment in the API, `facet` on the
 * page) and `facet_q`; null on the page when no facet is searched.
 */
export function parseFacetSearch(facet: string | null, input: URLSearchParams): FacetSearch {
  if (!facet || !(FACET_NAMES as readonly string[]).includes(facet)) {
    throw new InvalidParameterError('facet', `one of ${FACET_NAMES.join(', ')}`);
  }
  const result = facetSearchSchema.safeParse({
    facet_q: input.get('facet_q') ?? '',
    limit: input.get('limit')?.trim() || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidParameterError(String(issue?.path[0] ?? 'query'), issue?.message ?? 'invalid value');
  }
  return { facet: facet as FacetName, text: result.data.facet_q, limit: result.data.limit };
}

/** Parameters of /api/v1/suggest. */
export const suggestQuerySchema = z.object({
  q: z.string().max(100, 'at most 100 characters').default('').describe('What the user typed so far'),
  limit: z.coerce
    .number('a whole number')
    .int('a whole number')
    .min(1, 'at least 1')
    .max(20, 'at most 20')
    .default(5)
    .describe('Suggestions of each kind'),
  lang: z
    .enum(LOCALES, `one of ${LOCALES.join(', ')}`)
    .default(DEFAULT_LOCALE)
    .describe('Language of the theme labels (fr, en); English labels also match what is typed'),
});

export function parseSuggestParams(input: URLSearchParams): { q: string; limit: number; lang: Locale } {
  const result = suggestQuerySchema.safeParse({
    q: input.get('q') ?? undefined,
    limit: input.get('limit')?.trim() || undefined,
    lang: input.get('lang')?.trim() || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidParameterError(String(issue?.path[0] ?? 'query'), issue?.message ?? 'invalid value');
  }
  return result.data;
}
