import { z } from 'zod';

/**
 * The mapping language: how one source's raw fields become the common schema. It is data,
 * saved with the source config (source_config_version.config.mapping), so a partner's mapping
 * can change without code and every run says which version it used.
 */
export const TRANSFORMS = [
  'trim',
  'line',
  'html',
  'split',
  'date-fr',
  'postal-code',
  'url',
  'email',
  'phone',
  'number',
  'codes',
  'departement-code',
  'region-code',
  'maturity',
  'scale',
] as const;

export const transformSchema = z.union([
  z.enum(TRANSFORMS),
  z.object({ truncate: z.number().int().positive() }).strict(),
  z.object({ values: z.record(z.string(), z.string()) }).strict(),
]);
export type Transform = z.infer<typeof transformSchema>;

/** Values are read from the raw field names in `from` (every non-empty one, in order), then transformed. */
export const fieldRuleSchema = z
  .object({
    from: z.array(z.string()).min(1),
    transforms: z.array(transformSchema).default([]),
  })
  .strict();
export type FieldRule = z.infer<typeof fieldRuleSchema>;

export const PROJECT_FIELDS = [
  'name',
  'carrier',
  'description',
  'website',
  'sourceUrl',
  'email',
  'phone',
  'tags',
  'themeCodes',
  'subthemeCodes',
  'maturity',
  'scale',
  'image',
  'distinctions',
] as const;
/** Read from each site of a record (the record itself and the rows under `sites`). */
export const LOCATION_FIELDS = [
  'address',
  'postalCode',
  'city',
  'inseeCode',
  'departement',
  'region',
  'latitude',
  'longitude',
] as const;
export type MappedField = (typeof PROJECT_FIELDS)[number] | (typeof LOCATION_FIELDS)[number];

export const sourceMappingSchema = z
  .object({
    version: z.literal(1),
    fields: z
      .object({
        name: fieldRuleSchema,
        ...Object.fromEntries(
          [...PROJECT_FIELDS, ...LOCATION_FIELDS]
            .filter((f) => f !== 'name')
            .map((f) => [f, fieldRuleSchema.optional()]),
        ),
      })
      .strict(),
    /** Raw field holding the other sites of the record (one row per site). */
    sites: z.string().optional(),
  })
  .strict();

export type SourceMapping = {
  version: 1;
  fields: { name: FieldRule } & Partial<Record<MappedField, FieldRule>>;
  sites?: string;
};

/** Parses a mapping from a saved config; throws zod's error naming the wrong path. */
export function parseSourceMapping(value: unknown): SourceMapping {
  return sourceMappingSchema.parse(value) as SourceMapping;
}
