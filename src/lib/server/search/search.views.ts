import type { ProjectCardView } from '../projects/project.views.ts';

/** Parsed search parameters, shared by /recherche and /api/v1/projects. */
export interface SearchParams {
  q: string;
  /** Theme codes (level 1 or 2); a project matches if it has any of them. */
  themes: string[];
  region: string | null;
  departement: string | null;
  page: number;
  perPage: number;
}

export interface SearchResultView {
  params: SearchParams;
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  items: ProjectCardView[];
}
