/**
 * Taxonomy labels in the page's language. Queries return the French label (the reference, and
 * the one search and caches key on); English pages swap it for the English label here, after
 * any cache, so one cached answer serves both languages.
 */
import type { Locale } from '../../i18n/locale.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { TermView } from '../projects/project.views.ts';

/** Themes, sub-themes, and the 2018 tags that publics and methods are coded in. */
export type LabelledVocabulary = 'theme' | 'subtheme' | 'tag2018';

export interface TermLabels {
  readonly locale: Locale;
  /** The label of a term in the page's language; the given French label when none is known. */
  label(vocabulary: LabelledVocabulary, code: string, fallback: string): string;
  terms<T extends TermView>(vocabulary: LabelledVocabulary, terms: T[]): T[];
}

const FRENCH: TermLabels = {
  locale: 'fr',
  label: (_vocabulary, _code, fallback) => fallback,
  terms: (_vocabulary, terms) => terms,
};

/** Reference data, loaded with the taxonomy at start: read once per database. */
const englishByDatabase = new WeakMap<Queryable, Promise<ReadonlyMap<string, string>>>();

function readEnglishLabels(db: Queryable): Promise<ReadonlyMap<string, string>> {
  let labels = englishByDatabase.get(db);
  if (!labels) {
    labels = db
      .query<{ key: string; label: string }>(
        `SELECT vocabulary || ':' || code AS key, label_en AS label FROM taxonomy_term
         WHERE vocabulary IN ('theme', 'subtheme', 'tag2018') AND coalesce(label_en, '') <> ''`,
      )
      .then((rows) => new Map(rows.map((r) => [r.key, r.label])));
    englishByDatabase.set(db, labels);
    // A failed read is not remembered: the next page tries again.
    labels.catch(() => englishByDatabase.delete(db));
  }
  return labels;
}

export async function termLabels(db: Queryable, locale: Locale): Promise<TermLabels> {
  if (locale === 'fr') return FRENCH;
  const english = await readEnglishLabels(db);
  const label = (vocabulary: LabelledVocabulary, code: string, fallback: string) =>
    english.get(`${vocabulary}:${code}`) ?? fallback;
  return {
    locale,
    label,
    terms: (vocabulary, terms) => terms.map((t) => ({ ...t, label: label(vocabulary, t.code, t.label) })),
  };
}
