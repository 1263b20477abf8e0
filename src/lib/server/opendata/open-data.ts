import { InvalidParameterError } from '../errors.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { SearchParams } from '../search/search.views.ts';
import { prepareQuery, searchFilterValues } from '../search/search-projects.ts';
import { foldWord } from '../search/search-text.ts';
import { PARTNERS_SQL, STATISTICS_SQL, TAXONOMY_SQL, TERRITORIES_SQL } from './open-data.query.ts';

export interface TaxonomyTermView {
  vocabulary: string;
  code: string;
  label: string;
  labelEn: string | null;
  parent: string | null;
  projects: number;
}

export function getTaxonomy(db: Queryable): Promise<TaxonomyTermView[]> {
  return db.query<TaxonomyTermView>(TAXONOMY_SQL);
}

export const TERRITORY_LEVELS = ['region', 'departement', 'epci', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export interface TerritoryView {
  code: string;
  name: string;
  parent: string | null;
  latitude: number | null;
  longitude: number | null;
  projects: number;
}

export function getTerritories(
  db: Queryable,
  options: { level: TerritoryLevel; parent?: string | null; q?: string | null; limit?: number },
): Promise<TerritoryView[]> {
  const q = options.q ? foldWord(options.q).replace(/[%_\\]/g, '') : null;
  return db.query<TerritoryView>(TERRITORIES_SQL, [
    options.level,
    options.parent ?? null,
    q || null,
    options.limit ?? 200,
  ]);
}

export interface PartnerView {
  slug: string;
  name: string;
  website: string | null;
  logoUrl: string | null;
  licence: string;
  projects: number;
  sources: { slug: string; name: string; kind: string }[];
}

export function getPartners(db: Queryable): Promise<PartnerView[]> {
  return db.query<PartnerView>(PARTNERS_SQL);
}

export const STATISTIC_DIMENSIONS = ['theme', 'region', 'departement', 'partner', 'month', 'stage'] as const;
export type StatisticDimension = (typeof STATISTIC_DIMENSIONS)[number];

export interface StatisticRow {
  theme: string | null;
  territory: string | null;
  partner: string | null;
  month: string | null;
  /** Maturity stage (launch, deployment, scaling, completed) or 'unknown'. */
  stage: string | null;
  projects: number;
}

/** Project counts for charts, by any of theme × territory × partner × month × stage, for a search. */
export async function getStatistics(
  db: Queryable,
  params: SearchParams,
  by: StatisticDimension[],
  now = new Date(),
): Promise<StatisticRow[]> {
  if (by.includes('region') && by.includes('departement')) {
    throw new InvalidParameterError('by', 'one territory level at most: region or departement');
  }
  const prepared = await prepareQuery(db, params.q);
  const level = by.includes('region') ? 'region' : by.includes('departement') ? 'departement' : null;
  return db.query<StatisticRow>(STATISTICS_SQL, [
    prepared.tsquery,
    ...searchFilterValues(params, now),
    by.includes('theme'),
    level,
    by.includes('partner'),
    by.includes('month'),
    params.stages,
    by.includes('stage'),
  ]);
}

export function parseStatisticDimensions(value: string | null): StatisticDimension[] {
  const items = (value ?? 'theme')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!(STATISTIC_DIMENSIONS as readonly string[]).includes(item)) {
      throw new InvalidParameterError('by', `a list of ${STATISTIC_DIMENSIONS.join(', ')}`);
    }
  }
  return [...new Set(items)] as StatisticDimension[];
}

export function parseTerritoryLevel(value: string | null): TerritoryLevel {
  const level = value ?? 'region';
  if (!(TERRITORY_LEVELS as readonly string[]).includes(level)) {
    throw new InvalidParameterError('level', `one of ${TERRITORY_LEVELS.join(', ')}`);
  }
  return level as TerritoryLevel;
}
