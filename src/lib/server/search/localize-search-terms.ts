/** Search facets and filter choices with taxonomy labels in the page's language. */
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

export function localizeSearchOptions(options: SearchOptions, labels: TermLabels): SearchOptions {
  if (labels.locale === 'fr') return options;
  return {
    ...options,
    themes: labels
      .terms('theme', options.themes)
      .map((theme) => ({ ...theme, children: labels.terms('subtheme', theme.children) })),
  };
}
