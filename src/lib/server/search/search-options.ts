import type { Queryable } from '../platform/db/database.ts';
import type { TermView, TerritoryRef } from '../projects/project.views.ts';

/** Choices for the search form's filters. */
export interface SearchOptions {
  themes: (TermView & { children: TermView[] })[];
  regions: TerritoryRef[];
  departements: (TerritoryRef & { regionCode: string })[];
}

export async function getSearchOptions(db: Queryable): Promise<SearchOptions> {
  const terms = await db.query<{ vocabulary: string; code: string; label: string; parent: string | null }>(
    `SELECT vocabulary, code, label_fr AS label, parent_code AS parent FROM taxonomy_term
     WHERE vocabulary IN ('theme', 'subtheme') ORDER BY position, code`,
  );
  const regions = await db.query<TerritoryRef>(`SELECT code, name FROM region ORDER BY name`);
  const departements = await db.query<TerritoryRef & { regionCode: string }>(
    `SELECT code, name, region_code AS "regionCode" FROM departement ORDER BY code`,
  );
  const themes = terms
    .filter((t) => t.vocabulary === 'theme')
    .map((t) => ({
      code: t.code,
      label: t.label,
      children: terms
        .filter((s) => s.vocabulary === 'subtheme' && s.parent === t.code)
        .map((s) => ({ code: s.code, label: s.label })),
    }));
  return { themes, regions, departements };
}
