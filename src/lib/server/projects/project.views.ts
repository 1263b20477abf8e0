/**
 * The public shapes of a project: what pages and the API show. Presenters build them from
 * database rows; nothing else leaves the server. Dates are ISO 8601 strings.
 */

export interface TermView {
  code: string;
  label: string;
}

export interface TerritoryRef {
  code: string;
  name: string;
}

/** Charter: every project shown anywhere names the partner that listed it and links back. */
export interface PartnerCreditView {
  partner: { slug: string; name: string; website: string | null; logoUrl: string | null };
  /** The project's page on the partner's site (null when the partner gave none). */
  sourceUrl: string | null;
  licence: string;
  /** Last time the project was seen at this source. */
  lastSeenAt: string;
}

export interface LocationView {
  city: string | null;
  postalCode: string | null;
  inseeCode: string | null;
  departement: TerritoryRef | null;
  region: TerritoryRef | null;
  latitude: number | null;
  longitude: number | null;
  precision: 'address' | 'commune' | 'postal_code' | 'departement' | 'region' | 'national' | 'unknown';
}

export interface ProjectCardView {
  id: string;
  slug: string;
  /** Path of the project page on this platform, e.g. /projets/la-cravate-solidaire-k3x9qz */
  path: string;
  name: string;
  carrier: string | null;
  summary: string | null;
  /** The first location's city, for lists. */
  city: string | null;
  departement: TerritoryRef | null;
  region: TerritoryRef | null;
  themes: TermView[];
  credits: PartnerCreditView[];
}

export interface ProjectPageView extends ProjectCardView {
  subthemes: TermView[];
  /** CIS 2018 publics (HAN, JEU, SEN), labelled in French (pages swap in English labels). */
  publics: TermView[];
  /** CIS 2018 methods (COO, EVA, GOU, MEC, MED, PAR, REC), labelled like publics. */
  methods: TermView[];
  tags: string[];
  website: string | null;
  contact: { email: string | null; phone: string | null };
  locations: LocationView[];
  /** The licences under which the partners publish this record. */
  licences: string[];
  firstSeenAt: string;
  lastSeenAt: string;
}
