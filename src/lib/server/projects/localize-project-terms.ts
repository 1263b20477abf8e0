/** A project's taxonomy labels in the page's language (see taxonomy/term-labels.ts). */
import type { TermLabels } from '../taxonomy/term-labels.ts';
import type { ProjectCardView, ProjectPageView } from './project.views.ts';

export function localizeCard<T extends ProjectCardView>(card: T, labels: TermLabels): T {
  if (labels.locale === 'fr') return card;
  return { ...card, themes: labels.terms('theme', card.themes) };
}

export function localizeCards<T extends ProjectCardView>(cards: T[], labels: TermLabels): T[] {
  return labels.locale === 'fr' ? cards : cards.map((card) => localizeCard(card, labels));
}

export function localizeProjectPage(page: ProjectPageView, labels: TermLabels): ProjectPageView {
  if (labels.locale === 'fr') return page;
  return {
    ...localizeCard(page, labels),
    subthemes: labels.terms('subtheme', page.subthemes),
    publics: labels.terms('tag2018', page.publics),
    methods: labels.terms('tag2018', page.methods),
  };
}
