import type { Queryable } from '../platform/db/database.ts';
import type { TermView, TerritoryRef } from '../projects/project.views.ts';

/** Choices for the search form's filters. */
export interface SearchOptions {
  themes: (TermView & { children: TermView[] })[];
  regions: TerritoryRef[];
  departements: (TerritoryRef & { regionCode: string })[];
}

export async function getSearchOptions(_db: Queryable): Promise<SearchOptions> {
  throw new Error('not implemented yet');
}
