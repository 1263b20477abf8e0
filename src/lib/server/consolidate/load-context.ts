import type { Partner } from '../partners/partner-repository.ts';
import type { Queryable } from '../platform/db/database.ts';
import { type KeywordMatcher, keywordMatcher, readKeywordRules } from '../taxonomy/keyword-rules.ts';
import { loadTagMapper } from '../taxonomy/map-partner-tags.ts';
import { loadGeocoder } from '../territories/geocoder.ts';
import type { BuildContext } from './build-project-fields.ts';
import type { Geocoder, ReferenceNames, TagMapper } from './ports.ts';

export interface SharedContext {
  keywords: KeywordMatcher;
  geocoder: Geocoder;
  tagMapper: TagMapper;
  names: ReferenceNames;
}

export async function loadReferenceNames(db: Queryable): Promise<ReferenceNames> {
  const terms = await db.query<{ vocabulary: string; code: string; parent_code: string | null }>(
    `SELECT vocabulary, code, parent_code FROM taxonomy_term WHERE vocabulary IN ('theme', 'subtheme')`,
  );
  const departements = await db.query<{ code: string; name: string }>(`SELECT code, name FROM departement`);
  const regions = await db.query<{ code: string; name: string }>(`SELECT code, name FROM region`);
  return {
    themes: new Set(terms.filter((t) => t.vocabulary === 'theme').map((t) => t.code)),
    subthemeParents: new Map(
      terms
        .filter((t) => t.vocabulary === 'subtheme' && t.parent_code)
        .map((t) => [t.code, t.parent_code as string]),
    ),
    departements: new Map(departements.map((d) => [d.code, d.name])),
    regions: new Map(regions.map((r) => [r.code, r.name])),
  };
}

/** Reference data read once per import (a few hundred milliseconds for 35,000 communes). */
export async function loadSharedContext(db: Queryable): Promise<SharedContext> {
  const [geocoder, tagMapper, names] = await Promise.all([
    loadGeocoder(db),
    loadTagMapper(db),
    loadReferenceNames(db),
  ]);
  return { geocoder, tagMapper, names, keywords: keywordMatcher(readKeywordRules()) };
}

export function contextForPartner(shared: SharedContext, partner: Partner): BuildContext {
  return {
    ...shared,
    partnerName: partner.tagRuleKey ?? partner.name,
    partnerWebsite: partner.website,
    mediaAllowed: partner.mediaAllowed,
  };
}
