/** Rows of the territory tables (migrations 0001 and 0002), as domain code sees them. */

export interface RegionRow {
  code: string;
  name: string;
  population: number | null;
}

export interface DepartementRow {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
}

export interface EpciRow {
  code: string;
  name: string;
  /** CC, CA, CU, METRO or MET69 (Métropole de Lyon). */
  kind: string;
  population: number | null;
}

/** The INSEE vocabulary, kept as is: it is what the COG and partners' files use. */
export const COMMUNE_KINDS = [
  'commune-actuelle',
  'commune-deleguee',
  'commune-associee',
  'arrondissement-municipal',
] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export interface CommuneRow {
  inseeCode: string;
  name: string;
  kind: CommuneKind;
  /** The current commune a delegated/associated commune or a municipal arrondissement belongs to. */
  parentInseeCode: string | null;
  departementCode: string;
  regionCode: string;
  epciCode: string | null;
  postalCodes: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  /** Delegated communes that share this commune's INSEE code. */
  delegatedNames: string[];
  /** Codes of communes absorbed into this one without a row of their own. */
  formerInseeCodes: string[];
}

export interface TerritoryRows {
  regions: RegionRow[];
  departements: DepartementRow[];
  epci: EpciRow[];
  communes: CommuneRow[];
}
