import { searchParamsToQuery } from './parse-search-params.ts';
import type { FacetName, FacetsView, FacetValueView, SearchParams } from './search.views.ts';
import type { Stage } from './stages.ts';

export interface FacetLinkView extends FacetValueView {
  /** The search with this value toggled (added, or removed when selected), from page 1. */
  href: string;
}

export interface FacetGroupView {
  name: FacetName;
  values: FacetLinkView[];
  /** A long list: the page shows a search box inside it. */
  searchable: boolean;
}

/** Long lists, with a search box inside. */
export const SEARCHABLE_FACETS: readonly FacetName[] = ['partner', 'epci', 'commune'];

/** The parameters with one facet value toggled; territories keep their hierarchy consistent. */
export function toggleFacet(params: SearchParams, facet: FacetName, code: string): SearchParams {
  const toggle = (list: string[]) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);
  const next: SearchParams = { ...params, page: 1, cursor: null };
  switch (facet) {
    case 'theme':
    case 'subtheme':
      return { ...next, themes: toggle(params.themes) };
    case 'public':
      return { ...next, publics: toggle(params.publics) };
    case 'partner':
      return { ...next, partners: toggle(params.partners) };
    case 'stage':
      return { ...next, stages: toggle(params.stages) as Stage[] };
    case 'region':
      return params.region === code
        ? { ...next, region: null, departement: null, epci: null, commune: null }
        : { ...next, region: code, departement: null, epci: null, commune: null };
    case 'departement':
      return { ...next, departement: params.departement === code ? null : code, epci: null, commune: null };
    case 'epci':
      return { ...next, epci: params.epci === code ? null : code, commune: null };
    case 'commune':
      return { ...next, commune: params.commune === code ? null : code };
  }
}

const ORDER: FacetName[] = [
  'theme',
  'subtheme',
  'public',
  'stage',
  'partner',
  'region',
  'departement',
  'epci',
  'commune',
];

/** Facet groups with a toggle link per value, for a page that works without JavaScript. */
export function facetLinks(
  params: SearchParams,
  facets: FacetsView,
  basePath = '/recherche',
  /** A facet searched inside: its group stays, even empty, so that its search box stays. */
  searched?: FacetName,
): FacetGroupView[] {
  return ORDER.map((name) => ({
    name,
    searchable: SEARCHABLE_FACETS.includes(name),
    values: facets[name].map((value) => ({
      ...value,
      href: `${basePath}${searchParamsToQuery(toggleFacet(params, name, value.code))}`,
    })),
  })).filter((group) => group.values.length > 0 || group.name === searched);
}
