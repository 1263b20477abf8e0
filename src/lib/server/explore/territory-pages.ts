import type { Queryable } from '../platform/db/database.ts';
import { parseSearchParams, searchParamsToQuery } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { slugify } from '../text/normalize-key.ts';
import type { TerritoryCountView, TerritoryPageView, ThemeShareView } from './explore.views.ts';
import {
  DEPARTEMENT_COUNTS_SQL,
  REGION_COUNTS_SQL,
  THEME_COUNTS_IN_TERRITORY_SQL,
} from './territory-counts.query.ts';

interface CountRow {
  code: string;
  name: string;
  population: number | null;
  projects: number;
}

interface ThemeRow {
  code: string;
  label: string;
  projects: number;
  total: number;
}

const LATEST = 12;

function per100k(projects: number, population: number | null): number | null {
  return population ? Math.round((projects / population) * 100_000 * 100) / 100 : null;
}

function present(row: CountRow, basePath: string): TerritoryCountView {
  const slug = slugify(row.name);
  return {
    code: row.code,
    name: row.name,
    slug,
    path: `${basePath}/${slug}`,
    population: row.population,
    projects: row.projects,
    per100k: per100k(row.projects, row.population),
  };
}

/** A territory named by its slug or its code. */
function find(list: TerritoryCountView[], key: string): TerritoryCountView | undefined {
  const wanted = key.toLowerCase();
  return list.find((t) => t.slug === wanted || t.code.toLowerCase() === wanted);
}

export async function listRegionCounts(db: Queryable): Promise<TerritoryCountView[]> {
  const rows = await db.query<CountRow>(REGION_COUNTS_SQL);
  return rows.map((row) => present(row, '/territoires'));
}

async function themeShares(db: Queryable, region: string | null, departement: string | null) {
  const [local, national] = await Promise.all([
    db.query<ThemeRow>(THEME_COUNTS_IN_TERRITORY_SQL, [region, departement]),
    db.query<ThemeRow>(THEME_COUNTS_IN_TERRITORY_SQL, [null, null]),
  ]);
  const nationalTotal = national[0]?.total ?? 0;
  const themes: ThemeShareView[] = local.map((row) => {
    const nationalCount = national.find((n) => n.code === row.code)?.projects ?? 0;
    return {
      code: row.code,
      label: row.label,
      projects: row.projects,
      share: row.total ? row.projects / row.total : 0,
      nationalShare: nationalTotal ? nationalCount / nationalTotal : 0,
    };
  });
  return { themes, localTotal: local[0]?.total ?? 0, nationalTotal };
}

async function latestIn(db: Queryable, filter: Record<string, string>) {
  const params = parseSearchParams(new URLSearchParams({ ...filter, per_page: String(LATEST) }));
  const result = await searchProjects(db, params);
  return { latest: result.items, searchPath: `/recherche${searchParamsToQuery({ ...params, perPage: 20 })}` };
}

/**
 * A région's page (`/territoires/<région>`) or a département's (`…/<département>`): counts,
 * themes compared with the national picture, per 100,000 inhabitants, latest projects.
 */
export async function getTerritoryPage(
  db: Queryable,
  regionKey: string,
  departementKey?: string,
): Promise<TerritoryPageView | null> {
  const regions = await listRegionCounts(db);
  const region = find(regions, regionKey);
  if (!region) return null;
  const departements = (await db.query<CountRow>(DEPARTEMENT_COUNTS_SQL, [region.code])).map((row) =>
    present(row, region.path),
  );
  const departement = departementKey ? find(departements, departementKey) : undefined;
  if (departementKey && !departement) return null;

  const territory = departement ?? region;
  const { themes, localTotal, nationalTotal } = await themeShares(
    db,
    departement ? null : region.code,
    departement?.code ?? null,
  );
  const population = regions.reduce((sum, r) => sum + (r.population ?? 0), 0);
  const { latest, searchPath } = await latestIn(
    db,
    departement ? { departement: departement.code } : { region: region.code },
  );
  return {
    kind: departement ? 'departement' : 'region',
    territory: { ...territory, projects: localTotal, per100k: per100k(localTotal, territory.population) },
    parent: departement ? region : null,
    children: departement ? [] : departements,
    national: { projects: nationalTotal, population, per100k: per100k(nationalTotal, population) ?? 0 },
    themes,
    latest,
    searchPath,
  };
}
