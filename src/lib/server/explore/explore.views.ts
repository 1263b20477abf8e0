import type { ProjectCardView, TermView } from '../projects/project.views.ts';

/** A territory with its public projects, and projects per 100,000 inhabitants. */
export interface TerritoryCountView {
  code: string;
  name: string;
  slug: string;
  path: string;
  population: number | null;
  projects: number;
  per100k: number | null;
}

/** A theme's share of a territory's projects, beside its share nationally. */
export interface ThemeShareView extends TermView {
  projects: number;
  share: number;
  nationalShare: number;
}

export interface TerritoryPageView {
  kind: 'region' | 'departement';
  territory: TerritoryCountView;
  /** The région, on a département's page. */
  parent: TerritoryCountView | null;
  /** Départements of a région; empty on a département's page. */
  children: TerritoryCountView[];
  national: { projects: number; population: number; per100k: number };
  themes: ThemeShareView[];
  latest: ProjectCardView[];
  /** The search page listing every project of the territory. */
  searchPath: string;
}
