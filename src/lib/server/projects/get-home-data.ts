import type { Queryable } from '../platform/db/database.ts';
import type { ProjectCardView, TermView } from './project.views.ts';

export interface HomeData {
  figures: { projects: number; partners: number; departements: number; communes: number };
  latest: ProjectCardView[];
  themes: (TermView & { count: number })[];
}

export async function getHomeData(_db: Queryable): Promise<HomeData> {
  throw new Error('not implemented yet');
}
