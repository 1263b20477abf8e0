/** Search facets and filter choices with taxonomy labels in the page's language. */
import type { TermView } from '../projects/project.views.ts';
import type { LabelledVocabulary, TermLabels } from '../taxonomy/term-labels.ts';
import type { FacetName, FacetsView } from './search.views.ts';
import type { SearchOptions } from './search-options.ts';

const FACET_VOCABULARIES: Partial<Record<FacetName, LabelledVocabulary>> = {
  theme: 'theme',
  subtheme: 'subtheme',
  public: 'tag2018',
  method: 'tag2018',
};

export function localizeFacets<T extends FacetsView>(facets: T, labels: TermLabels): T {
  if (labels.locale === 'fr') return facets;
  const localized = { ...facets };
  for (const [facet, vocabulary] of Object.entries(FACET_VOCABULARIES) as [FacetName, LabelledVocabulary][]) {
    localized[facet] = labels.terms(vocabulary, facets[facet]);
  }
  return localized;
}

/** Themes with their sub-themes (the search form's choices, the themes page). */
export function localizeThemeTree<T extends TermView & { children: TermView[] }>(
  themes: T[],
  labels: TermLabels,
): T[] {
  if (labels.locale === 'fr') return themes;
  return labels
    .terms('theme', themes)
    .map((theme) => ({ ...theme, children: labels.terms('subtheme', theme.children) }));
}

export function localizeSearchOptions(options: SearchOptions, labels: TermLabels): SearchOptions {
  return labels.locale === 'fr' ? options : { ...options, themes: localizeThemeTree(options.themes, labels) };
}
