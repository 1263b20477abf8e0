import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { InvalidInputFileError } from '../errors.ts';
import { fromAppRoot } from '../platform/app-root.ts';

/**
 * The shipped taxonomy files (data/taxonomy, see its README) and the zod schemas that check
 * them when read: a bad edit of a data file fails loudly, naming the file and the field.
 */

const code3 = z.string().regex(/^[A-Z]{3}$/);

export const referentielRowSchema = z.object({
  Thématiques: z.string().min(1),
  'Thématiques CODE': code3,
  'Sous-thématiques': z.string().min(1),
  'Sous-thématiques - CODE': code3,
});
export type ReferentielRow = z.infer<typeof referentielRowSchema>;

export const taxonomie2019Schema = z.object({
  v2_thematiques_N1_N2: z.object({
    data: z.record(
      code3,
      z.object({ label: z.string(), children: z.array(z.object({ code: code3, label: z.string() })) }),
    ),
  }),
  v2_code_lists_raw: z.object({ data: z.array(z.tuple([z.string(), z.string()])) }),
});
export type Taxonomie2019 = z.infer<typeof taxonomie2019Schema>;

const filterChoiceSchema = z.object({ name: z.string().min(1), fullname: z.string().min(1) });

export const sourceTagRuleSchema = z.object({
  name: z.string(),
  codes: z.array(code3).min(1),
  from: z.string().min(1),
});
export type SourceTagRule = z.infer<typeof sourceTagRuleSchema>;

export const nomenclature2018Schema = z.object({
  NOMENCLATURE_CIS_DICT: z.record(code3, z.object({ fullname: z.string(), description: z.string() })),
  CATEGORIES_CIS_DICT: z.record(z.string(), z.record(z.string(), z.array(code3))),
  CHOICES_FILTERS_TAGS: z.array(
    z.object({ name: z.string(), fullname: z.string(), choices: z.array(filterChoiceSchema) }),
  ),
  NORMALIZATION_TAGS_SOURCES_CIS: z.array(sourceTagRuleSchema),
});
export type Nomenclature2018 = z.infer<typeof nomenclature2018Schema>;

const labelMap = z.record(z.string(), z.string().min(1));
export const labelsEnSchema = z.strictObject({
  theme: labelMap,
  subtheme: labelMap,
  tag2018: labelMap,
  domaine2018: labelMap,
  public2018: labelMap,
  methode2018: labelMap,
  content_type: labelMap,
});
export type LabelsEn = z.infer<typeof labelsEnSchema>;

export const TAXONOMY_FILES = {
  referentiel: 'referentiel-thematiques-2019.csv',
  taxonomie2019: 'taxonomie-2019.json',
  nomenclature2018: 'nomenclature-2018.json',
  labelsEn: 'labels-en.json',
} as const;

function taxonomyPath(file: string): string {
  return fromAppRoot('data', 'taxonomy', file);
}

function validate<T>(
  file: string,
  schema: z.ZodType<T>,
  value: unknown,
  lineOf?: (index: number) => number,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputFileError(
    file,
    result.error.issues.map((issue) => {
      const first = issue.path[0];
      const line = lineOf && typeof first === 'number' ? lineOf(first) : undefined;
      return { line, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
    }),
  );
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return validate(file, schema, JSON.parse(readFileSync(taxonomyPath(file), 'utf8')));
}

export function readReferentiel(): ReferentielRow[] {
  const file = TAXONOMY_FILES.referentiel;
  // The sheet's headers and cells carry stray trailing spaces: trim both.
  const rows: unknown = parse(readFileSync(taxonomyPath(file), 'utf8'), {
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    trim: true,
    skip_empty_lines: true,
  });
  return validate(file, z.array(referentielRowSchema), rows, (index) => index + 2);
}

export const readTaxonomie2019 = (): Taxonomie2019 =>
  readJson(TAXONOMY_FILES.taxonomie2019, taxonomie2019Schema);
export const readNomenclature2018 = (): Nomenclature2018 =>
  readJson(TAXONOMY_FILES.nomenclature2018, nomenclature2018Schema);
export const readLabelsEn = (): LabelsEn => readJson(TAXONOMY_FILES.labelsEn, labelsEnSchema);
