/**
 * What consolidation needs from the territories and taxonomy modules, as small interfaces so
 * the rules can be tested with any implementation.
 */
export interface GeocodeInput {
  inseeCode?: string | null;
  postalCode?: string | number | null;
  city?: string | null;
  departement?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface GeocodeResult {
  inseeCode: string | null;
  city: string | null;
  postalCode: string | null;
  epciCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: 'commune' | 'postal_code' | 'departement' | 'region' | 'unknown';
  coordinatesFlagged?: boolean;
  warnings: string[];
}

export interface Geocoder {
  geocode(input: GeocodeInput): GeocodeResult;
}

export interface TagMapping {
  codes2018: string[];
  themes: string[];
  subthemes: string[];
  unmapped: string[];
}

export interface TagMapper {
  mapTags(partnerKey: string, tags: string[]): TagMapping;
}

/** Codes and names consolidation checks against: taxonomy terms and territory names. */
export interface ReferenceNames {
  themes: Set<string>;
  /** Sub-theme code → its theme code. */
  subthemeParents: Map<string, string>;
  departements: Map<string, string>;
  regions: Map<string, string>;
}
