import type { ProjectCardView, TermView } from '../projects/project.views.ts';
import type { Stage } from './stages.ts';

export const SEARCH_SORTS = ['relevance', 'newest', 'name', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Parsed search parameters, shared by /recherche and /api/v1/projects. */
export interface SearchParams {
  q: string;
  /** Theme codes (level 1 or 2); a project matches if it has any of them. */
  themes: string[];
  /** Public codes (public2018 vocabulary); any of them. */
  publics: string[];
  /** Partner slugs; any of them. */
  partners: string[];
  /** Maturity stages (launch, deployment, scaling, completed); any of them. */
  stages: Stage[];
  region: string | null;
  departement: string | null;
  epci: string | null;
  /** INSEE code of a commune. */
  commune: string | null;
  /** A point, for the distance sort and (with a radius) the radius filter. */
  near: { lat: number; lon: number; radiusKm: number | null } | null;
  bbox: BoundingBox | null;
  /** Only projects seen at their source in the last 12 months. */
  fresh: boolean;
  sort: SearchSort;
  page: number;
  perPage: number;
  /** Opaque cursor from a previous answer (replaces page). */
  cursor: string | null;
}

export interface SearchHitView extends ProjectCardView {
  /** Presentation extract with matches in <mark>; HTML-escaped, safe to insert. */
  snippetHtml: string | null;
  /** Kilometres from the given point (sort or radius), when one was given. */
  distanceKm: number | null;
}

export interface FacetValueView extends TermView {
  count: number;
  selected: boolean;
}

export type FacetName =
  | 'theme'
  | 'subtheme'
  | 'public'
  | 'partner'
  | 'stage'
  | 'region'
  | 'departement'
  | 'epci'
  | 'commune';

export type FacetsView = Record<FacetName, FacetValueView[]>;

export interface SearchResultView {
  params: SearchParams;
  /** The number of matches, or past a threshold an estimate (rounded to 2 significant digits). */
  total: number;
  /** False when the total is an estimate (very broad searches, past a threshold). */
  totalExact: boolean;
  /** Matches counted for sure: the total when exact, else the threshold where counting stopped. */
  totalAtLeast: number;
  page: number;
  perPage: number;
  pageCount: number;
  /** Cursor of the next page, or null on the last one. */
  nextCursor: string | null;
  items: SearchHitView[];
  /** Spelling suggestion when nothing matched. */
  didYouMean: string | null;
}
