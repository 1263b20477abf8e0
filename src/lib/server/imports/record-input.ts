/**
 * What one item from a partner says about a project, in the common vocabulary but not yet
 * cleaned, geocoded or mapped to the taxonomy. Import formats (and later harvests) produce it.
 */
export interface LocationInput {
  address?: string;
  postalCode?: string;
  city?: string;
  inseeCode?: string;
  departement?: string;
  region?: string;
  latitude?: number;
  longitude?: number;
}

export interface RecordInput {
  name: string;
  carrier?: string;
  description?: string;
  website?: string;
  /** The project's page on the partner's site. */
  sourceUrl?: string;
  email?: string;
  phone?: string;
  /** The partner's own tags, to map through the crosswalk. */
  partnerTags: string[];
  /** Taxonomy codes the partner assigned itself (CIS format). */
  themeCodes: string[];
  subthemeCodes: string[];
  locations: LocationInput[];
  /** Maturity stage (charter art. 7): launch, deployment, scaling, completed. */
  maturity?: string;
  /** Scale of action: local, departemental, regional, national, international. */
  scale?: string;
  /** An image URL, republished only where the partner allows media. */
  image?: string;
  distinctions?: string[];
}

/** A row (or group of rows, one per site) with the stable key that identifies it at the source. */
export interface KeyedRecord {
  key: string;
  lines: number[];
  /** What the source said, as stored in raw_record.fields. */
  fields: Record<string, unknown>;
  input: RecordInput;
}
