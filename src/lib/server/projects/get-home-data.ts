import type { Queryable } from '../platform/db/database.ts';
import { HOME_FIGURES_SQL, LATEST_PROJECT_IDS_SQL, THEME_COUNTS_SQL } from './home-figures.query.ts';
import { loadProjectCards } from './load-project-cards.ts';
import type { ProjectCardView, TermView } from './project.views.ts';

export interface HomeData {
  figures: { projects: number; partners: number; departements: number; communes: number };
  latest: ProjectCardView[];
  themes: (TermView & { count: number })[];
}

export async function getHomeData(db: Queryable): Promise<HomeData> {
  const [figures] = await db.query<HomeData['figures']>(HOME_FIGURES_SQL);
  const themes = await db.query<TermView & { count: number }>(THEME_COUNTS_SQL);
  const latest = await db.query<{ id: number }>(LATEST_PROJECT_IDS_SQL, [6]);
  return {
    figures: figures ?? { projects: 0, partners: 0, departements: 0, communes: 0 },
    latest: await loadProjectCards(
      db,
      latest.map((r) => r.id),
    ),
    themes,
  };
}
