import { ColumnLookup } from '../../imports/column-lookup.ts';
import { type CommonField, FIELD_ALIASES } from '../../imports/formats/field-aliases.ts';
import type { FieldRule, MappedField, SourceMapping, Transform } from './mapping-schema.ts';

/** Transforms of each field in the default mappings (the rest of the cleaning is consolidation's). */
const DEFAULT_TRANSFORMS: Record<MappedField, Transform[]> = {
  name: ['line'],
  carrier: ['line'],
  description: ['html', { truncate: 600 }],
  website: ['trim'],
  sourceUrl: ['trim'],
  email: ['trim'],
  phone: ['trim'],
  tags: ['split'],
  themeCodes: ['codes'],
  subthemeCodes: ['codes'],
  maturity: ['maturity'],
  scale: ['scale'],
  image: ['trim'],
  distinctions: ['split', 'line'],
  address: ['trim'],
  postalCode: ['postal-code'],
  city: ['trim'],
  inseeCode: ['trim'],
  departement: ['trim', 'departement-code'],
  region: ['trim', 'region-code'],
  latitude: ['number'],
  longitude: ['number'],
};

const ALIASED: [MappedField, CommonField][] = [
  ['name', 'name'],
  ['carrier', 'carrier'],
  ['description', 'description'],
  ['website', 'website'],
  ['sourceUrl', 'sourceUrl'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['tags', 'tags'],
  ['maturity', 'maturity'],
  ['scale', 'scale'],
  ['image', 'image'],
  ['distinctions', 'distinctions'],
  ['address', 'address'],
  ['postalCode', 'postalCode'],
  ['city', 'city'],
  ['inseeCode', 'inseeCode'],
  ['departement', 'departement'],
  ['region', 'region'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
];

/** Raw field that holds the other rows of a record found once per site. */
export const SITES_FIELD = '_sites';

/**
 * The generic column aliases and the CIS import model, expressed in the mapping language for a
 * file's actual columns: what an import saves as its source's mapping unless one is given.
 */
export function defaultMapping(columns: string[], options: { cis: boolean }): SourceMapping | null {
  const lookup = new ColumnLookup(columns);
  const fields: Partial<Record<MappedField, FieldRule>> = {};
  const rule = (field: MappedField, from: (string | undefined)[]) => {
    const present = [...new Set(from.filter((c): c is string => Boolean(c)))];
    if (present.length) fields[field] = { from: present, transforms: DEFAULT_TRANSFORMS[field] };
  };
  for (const [field, alias] of ALIASED) rule(field, [lookup.column(FIELD_ALIASES[alias])]);
  if (options.cis) {
    // CIS code columns: level 1 "… Thématiques N CODE", level 2 "… Sous-thématiques N CODE",
    // and territory codes written "28D" / "24R".
    rule('themeCodes', lookup.columnsMatching(/^tag cis niveau 1 thematiques \d code$/));
    rule('subthemeCodes', lookup.columnsMatching(/^tag cis niveau 2 sous thematiques \d code$/));
    rule('departement', [
      lookup.column(['departement code', 'departement_code']),
      lookup.column(FIELD_ALIASES.departement),
    ]);
    rule('region', [lookup.column(['region code']), lookup.column(FIELD_ALIASES.region)]);
  }
  const name = fields.name;
  if (!name) return null;
  return { version: 1, fields: { ...fields, name }, sites: SITES_FIELD };
}
