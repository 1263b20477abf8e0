import type { Locale } from '../../i18n/locale.ts';
import type { Queryable } from '../platform/db/database.ts';
import { buildTsQuery, foldWord, parseQueryTerms } from './search-text.ts';
import { SUGGEST_SQL } from './suggest.query.ts';

export interface SuggestionView {
  kind: 'project' | 'theme' | 'subtheme' | 'region' | 'departement' | 'commune';
  code: string;
  label: string;
  detail: string | null;
  /** Where the suggestion leads: a project page or a filtered search. */
  path: string;
}

const FILTER: Record<Exclude<SuggestionView['kind'], 'project'>, string> = {
  theme: 'theme',
  subtheme: 'theme',
  region: 'region',
  departement: 'departement',
  commune: 'commune',
};

/** Suggestions as you type: projects by name, themes, places. */
export async function suggest(
  db: Queryable,
  q: string,
  limit = 5,
  lang: Locale = 'fr',
): Promise<SuggestionView[]> {
  const text = foldWord(q.trim()).replace(/[%_\\]/g, '');
  if (text.length < 2) return [];
  const tsquery = buildTsQuery(parseQueryTerms(q));
  const rows = await db.query<Omit<SuggestionView, 'path'>>(SUGGEST_SQL, [tsquery, text, limit, lang]);
  return rows.map((row) => ({
    ...row,
    path:
      row.kind === 'project'
        ? `/projets/${encodeURIComponent(row.code)}`
        : `/recherche?${FILTER[row.kind]}=${encodeURIComponent(row.code)}`,
  }));
}
