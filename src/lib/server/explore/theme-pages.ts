import type { Queryable } from '../platform/db/database.ts';
import type { ProjectCardView, TermView } from '../projects/project.views.ts';
import { parseSearchParams, searchParamsToQuery } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { slugify } from '../text/normalize-key.ts';
import type { TerritoryCountView } from './explore.views.ts';
import { THEME_REGION_COUNTS_SQL, THEME_TERM_SQL } from './theme-page.query.ts';

export interface ThemePageView {
  code: string;
  label: string;
  labelEn: string | null;
  description: string | null;
  kind: 'theme' | 'subtheme';
  parent: TermView | null;
  children: TermView[];
  projects: number;
  regions: TerritoryCountView[];
  latest: ProjectCardView[];
  searchPath: string;
}

/** A theme's page (`/thematiques/<code>`), for a level-1 theme or a sub-theme. */
export async function getThemePage(db: Queryable, code: string): Promise<ThemePageView | null> {
  const wanted = code.toUpperCase();
  if (!/^[A-Z0-9]{2,10}$/.test(wanted)) return null;
  const [term] = await db.query<{
    vocabulary: 'theme' | 'subtheme';
    code: string;
    label: string;
    labelEn: string | null;
    description: string | null;
    parentCode: string | null;
    parentLabel: string | null;
    children: TermView[];
  }>(THEME_TERM_SQL, [wanted]);
  if (!term) return null;
  const rows = await db.query<{
    code: string;
    name: string;
    population: number | null;
    projects: number;
    total: number;
  }>(THEME_REGION_COUNTS_SQL, [wanted]);
  const params = parseSearchParams(new URLSearchParams({ theme: wanted, per_page: '12' }));
  const result = await searchProjects(db, params);
  return {
    code: term.code,
    label: term.label,
    labelEn: term.labelEn,
    description: term.description,
    kind: term.vocabulary,
    parent: term.parentCode ? { code: term.parentCode, label: term.parentLabel ?? term.parentCode } : null,
    children: term.children,
    projects: rows[0]?.total ?? 0,
    regions: rows.map((row) => {
      const slug = slugify(row.name);
      return {
        code: row.code,
        name: row.name,
        slug,
        path: `/territoires/${slug}`,
        population: row.population,
        projects: row.projects,
        per100k: row.population ? Math.round((row.projects / row.population) * 100_000 * 100) / 100 : null,
      };
    }),
    latest: result.items,
    searchPath: `/recherche${searchParamsToQuery({ ...params, perPage: 20 })}`,
  };
}
