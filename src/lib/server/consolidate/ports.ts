/**
 * What consolidation needs from the territories and taxonomy modules: their own interfaces,
 * re-exported so that consolidation code imports them from one place (and tests can give any
 * implementation of them).
 */

export type { TagMapper, TagMapping } from '../taxonomy/map-partner-tags.ts';
export type { GeocodeInput, GeocodeResult, Geocoder } from '../territories/geocoder.ts';

/** Codes and names consolidation checks against: taxonomy terms and territory names. */
export interface ReferenceNames {
  themes: Set<string>;
  /** Sub-theme code → its theme code. */
  subthemeParents: Map<string, string>;
  departements: Map<string, string>;
  regions: Map<string, string>;
}
