import { InvalidParameterError } from '../../errors.ts';
import type { LocationInput, RecordInput } from '../../imports/record-input.ts';
import type { FieldRule, MappedField, SourceMapping } from './mapping-schema.ts';
import { applyTransform } from './transforms.ts';

export type RawFields = Record<string, unknown>;

function rawValues(fields: RawFields, rule: FieldRule): string[] {
  const values: string[] = [];
  for (const name of rule.from) {
    const value = fields[name];
    if (value === null || value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) {
      if (typeof v === 'string' && v.trim() !== '') values.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') values.push(String(v));
    }
  }
  return values;
}

function read(fields: RawFields, mapping: SourceMapping, field: MappedField): string[] {
  const rule = mapping.fields[field];
  if (!rule) return [];
  return rule.transforms.reduce(applyTransform, rawValues(fields, rule));
}

const first = (values: string[]) => values[0];
const unique = (values: string[]) => [...new Set(values)];

function readNumber(
  fields: RawFields,
  mapping: SourceMapping,
  field: 'latitude' | 'longitude',
): number | undefined {
  const value = first(read(fields, mapping, field));
  if (value === undefined) return undefined;
  const n = Number(value.replace(',', '.'));
  const limit = field === 'latitude' ? 90 : 180;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

function readLocation(fields: RawFields, mapping: SourceMapping): LocationInput {
  const location: LocationInput = {
    address: first(read(fields, mapping, 'address')),
    postalCode: first(read(fields, mapping, 'postalCode')),
    city: first(read(fields, mapping, 'city')),
    inseeCode: first(read(fields, mapping, 'inseeCode')),
    departement: first(read(fields, mapping, 'departement')),
    region: first(read(fields, mapping, 'region')),
    latitude: readNumber(fields, mapping, 'latitude'),
    longitude: readNumber(fields, mapping, 'longitude'),
  };
  return location;
}

/**
 * A raw record's fields, as stored, read through the source's mapping into the common
 * vocabulary: what lets consolidation rebuild every project from raw_record.fields alone.
 */
export function applyMapping(fields: RawFields, mapping: SourceMapping): RecordInput {
  const name = first(read(fields, mapping, 'name'));
  if (!name) throw new InvalidParameterError('name', 'the record has no project name');
  const sites = mapping.sites ? fields[mapping.sites] : undefined;
  const siteRows = Array.isArray(sites)
    ? sites.filter((s): s is RawFields => Boolean(s) && typeof s === 'object' && !Array.isArray(s))
    : [];
  return {
    name,
    carrier: first(read(fields, mapping, 'carrier')),
    description: first(read(fields, mapping, 'description')),
    website: first(read(fields, mapping, 'website')),
    sourceUrl: first(read(fields, mapping, 'sourceUrl')),
    email: first(read(fields, mapping, 'email')),
    phone: first(read(fields, mapping, 'phone')),
    partnerTags: unique(read(fields, mapping, 'tags')),
    themeCodes: unique(read(fields, mapping, 'themeCodes')),
    subthemeCodes: unique(read(fields, mapping, 'subthemeCodes')),
    locations: [fields, ...siteRows].map((row) => readLocation(row, mapping)),
    maturity: first(read(fields, mapping, 'maturity')),
    scale: first(read(fields, mapping, 'scale')),
    image: first(read(fields, mapping, 'image')),
    distinctions: unique(read(fields, mapping, 'distinctions')),
  };
}
