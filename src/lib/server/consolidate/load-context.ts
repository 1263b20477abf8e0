import type { Partner } from '../partners/partner-repository.ts';
import type { Queryable } from '../platform/db/database.ts';
import {
  type KeywordMatcher,
  type KeywordRules,
  keywordMatcher,
  readKeywordRules,
} from '../taxonomy/keyword-rules.ts';
import { createTagMapper, type TagRuleInput } from '../taxonomy/map-partner-tags.ts';
import { createGeocoder, type GeocoderData } from '../territories/geocoder.ts';
import { readGeocoderData } from '../territories/read-geocoder-data.ts';
import type { BuildContext } from './build-project-fields.ts';
import type { Geocoder, ReferenceNames, TagMapper } from './ports.ts';

/** The reference data consolidation reads, as plain data: a worker thread rebuilds the context from it. */
export interface SharedContextData {
  geocoder: GeocoderData;
  tagRules: TagRuleInput[];
  terms: { vocabulary: string; code: string; parent_code: string | null }[];
  departements: { code: string; name: string }[];
  regions: { code: string; name: string }[];
  keywordRules: KeywordRules;
}

export interface SharedContext {
  keywords: KeywordMatcher;
  geocoder: Geocoder;
  tagMapper: TagMapper;
  names: ReferenceNames;
  /** What it was built from. */
  data: SharedContextData;
}

const TERMS = `SELECT vocabulary, code, parent_code FROM taxonomy_term WHERE vocabulary IN ('theme', 'subtheme')`;

function referenceNames(data: Pick<SharedContextData, 'terms' | 'departements' | 'regions'>): ReferenceNames {
  return {
    themes: new Set(data.terms.filter((t) => t.vocabulary === 'theme').map((t) => t.code)),
    subthemeParents: new Map(
      data.terms
        .filter((t) => t.vocabulary === 'subtheme' && t.parent_code)
        .map((t) => [t.code, t.parent_code as string]),
    ),
    departements: new Map(data.departements.map((d) => [d.code, d.name])),
    regions: new Map(data.regions.map((r) => [r.code, r.name])),
  };
}

export async function readSharedContextData(db: Queryable): Promise<SharedContextData> {
  const [geocoder, tagRules, terms, departements, regions] = await Promise.all([
    readGeocoderData(db),
    db.query<{ partnerKey: string; tag: string; codes: string[] }>(
      'SELECT partner_key AS "partnerKey", tag, codes FROM tag_rule ORDER BY id',
    ),
    db.query<SharedContextData['terms'][number]>(TERMS),
    db.query<{ code: string; name: string }>(`SELECT code, name FROM departement`),
    db.query<{ code: string; name: string }>(`SELECT code, name FROM region`),
  ]);
  return { geocoder, tagRules, terms, departements, regions, keywordRules: readKeywordRules() };
}

export function sharedContextFrom(data: SharedContextData): SharedContext {
  return {
    geocoder: createGeocoder(data.geocoder),
    tagMapper: createTagMapper(data.tagRules),
    names: referenceNames(data),
    keywords: keywordMatcher(data.keywordRules),
    data,
  };
}

/** Reference data read once per import (a few hundred milliseconds for 35,000 communes). */
export async function loadSharedContext(db: Queryable): Promise<SharedContext> {
  return sharedContextFrom(await readSharedContextData(db));
}

export function contextForPartner(shared: SharedContext, partner: Partner): BuildContext {
  return {
    ...shared,
    partnerName: partner.tagRuleKey ?? partner.name,
    partnerWebsite: partner.website,
    mediaAllowed: partner.mediaAllowed,
  };
}
