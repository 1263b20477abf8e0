import { splitCodeLists } from './code-lists-2019.ts';
import {
  FILTER_LABEL_FIXES,
  SUBTHEME_LABEL_FIXES,
  TAG2018_LABEL_FIXES,
  TAG2018_MEANING_FIXES,
  THEME_LABELS_FR,
} from './label-fixes.ts';
import { normalizeTag, tidyText } from './normalize-tag.ts';
import {
  type LabelsEn,
  type Nomenclature2018,
  type ReferentielRow,
  readLabelsEn,
  readNomenclature2018,
  readReferentiel,
  readTaxonomie2019,
  type Taxonomie2019,
} from './taxonomy-sources.ts';

/** The version of the shipped taxonomy data; bump it when data/taxonomy changes. */
export const TAXONOMY_VERSION = '2019.1';

export const VOCABULARIES = [
  'theme',
  'subtheme',
  'tag2018',
  'domaine2018',
  'public2018',
  'methode2018',
  'content_type',
] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

export const FILTER_VOCABULARIES = ['domaine2018', 'public2018', 'methode2018'] as const;
export type FilterVocabulary = (typeof FILTER_VOCABULARIES)[number];

/** One row of taxonomy_term. */
export interface TaxonomyTerm {
  vocabulary: Vocabulary;
  code: string;
  labelFr: string;
  labelEn: string;
  descriptionFr: string | null;
  parentCode: string | null;
  position: number;
  version: string;
}

export interface Taxonomy {
  version: string;
  terms: TaxonomyTerm[];
  /** The 2018 tag codes each filter choice (domaine, public, méthode) stands for, by choice name. */
  filterMembers: Record<FilterVocabulary, Record<string, string[]>>;
}

export interface TaxonomySources {
  referentiel: ReferentielRow[];
  taxonomie2019: Taxonomie2019;
  nomenclature2018: Nomenclature2018;
  labelsEn: LabelsEn;
}

/** The 2018 filter groups, by their name in CHOICES_FILTERS_TAGS, with the keys CATEGORIES_CIS_DICT uses. */
const FILTER_GROUPS: Readonly<Record<string, { vocabulary: FilterVocabulary; categoryKeys: string[] }>> = {
  domains_: { vocabulary: 'domaine2018', categoryKeys: ['domains_'] },
  // CATEGORIES_CIS_DICT misspells this group "pubics_".
  publics_: { vocabulary: 'public2018', categoryKeys: ['publics_', 'pubics_'] },
  methods_: { vocabulary: 'methode2018', categoryKeys: ['methods_'] },
};

export function readTaxonomy(): Taxonomy {
  return buildTaxonomy({
    referentiel: readReferentiel(),
    taxonomie2019: readTaxonomie2019(),
    nomenclature2018: readNomenclature2018(),
    labelsEn: readLabelsEn(),
  });
}

export function buildTaxonomy(sources: TaxonomySources): Taxonomy {
  const missingEn: string[] = [];
  const term = (
    vocabulary: Vocabulary,
    code: string,
    labelFr: string,
    position: number,
    extra: { descriptionFr?: string | null; parentCode?: string | null } = {},
  ): TaxonomyTerm => {
    const labelEn = sources.labelsEn[vocabulary][code];
    if (!labelEn) missingEn.push(`${vocabulary}.${code}`);
    return {
      vocabulary,
      code,
      labelFr,
      labelEn: labelEn ?? '',
      descriptionFr: extra.descriptionFr ?? null,
      parentCode: extra.parentCode ?? null,
      position,
      version: TAXONOMY_VERSION,
    };
  };

  const filters = filterTerms(sources.nomenclature2018, term);
  const terms = [
    ...themesAndSubthemes(sources.referentiel, term),
    ...tags2018(sources.nomenclature2018, term),
    ...filters.terms,
    ...contentTypes(sources.taxonomie2019, term),
  ];
  if (missingEn.length > 0) {
    throw new Error(`data/taxonomy/labels-en.json has no English label for ${missingEn.join(', ')}`);
  }
  return { version: TAXONOMY_VERSION, terms, filterMembers: filters.members };
}

type MakeTerm = (
  vocabulary: Vocabulary,
  code: string,
  labelFr: string,
  position: number,
  extra?: { descriptionFr?: string | null; parentCode?: string | null },
) => TaxonomyTerm;

/** Applies a label correction, refusing one that changes the words (unless it fixes a meaning). */
function corrected(where: string, source: string, fix: string | undefined, reword = false): string {
  const label = tidyText(source);
  if (fix === undefined) return label;
  if (!reword && normalizeTag(fix) !== normalizeTag(label)) {
    throw new Error(`Label fix for ${where} changes its words: "${label}" → "${fix}"`);
  }
  return fix;
}

/** Themes and sub-themes come from the Référentiel sheet, the one whose EGA/INN/ENF labels are right. */
function themesAndSubthemes(rows: ReferentielRow[], term: MakeTerm): TaxonomyTerm[] {
  const themes = new Map<string, TaxonomyTerm>();
  const subthemes: TaxonomyTerm[] = [];
  for (const row of rows) {
    const code = row['Thématiques CODE'];
    if (!themes.has(code)) {
      const readable = THEME_LABELS_FR[code];
      if (!readable) throw new Error(`No readable French label for theme ${code} (label-fixes.ts)`);
      themes.set(
        code,
        term('theme', code, corrected(`theme ${code}`, row.Thématiques, readable), themes.size),
      );
    }
    const subCode = row['Sous-thématiques - CODE'];
    const label = corrected(`subtheme ${subCode}`, row['Sous-thématiques'], SUBTHEME_LABEL_FIXES[subCode]);
    subthemes.push(term('subtheme', subCode, label, subthemes.length, { parentCode: code }));
  }
  return [...themes.values(), ...subthemes];
}

function tags2018(nomenclature: Nomenclature2018, term: MakeTerm): TaxonomyTerm[] {
  return Object.entries(nomenclature.NOMENCLATURE_CIS_DICT).map(
    ([code, { fullname, description }], index) => {
      const label = corrected(
        `tag2018 ${code}`,
        fullname,
        TAG2018_LABEL_FIXES[code],
        code in TAG2018_MEANING_FIXES,
      );
      return term('tag2018', code, label, index, { descriptionFr: tidyText(description) || null });
    },
  );
}

function filterTerms(
  nomenclature: Nomenclature2018,
  term: MakeTerm,
): { terms: TaxonomyTerm[]; members: Taxonomy['filterMembers'] } {
  const tagLabel = (code: string): string => {
    const tag = nomenclature.NOMENCLATURE_CIS_DICT[code];
    if (!tag) throw new Error(`A 2018 filter choice refers to the unknown tag code ${code}`);
    return corrected(code, tag.fullname, TAG2018_LABEL_FIXES[code], code in TAG2018_MEANING_FIXES);
  };
  const terms: TaxonomyTerm[] = [];
  const members: Taxonomy['filterMembers'] = { domaine2018: {}, public2018: {}, methode2018: {} };
  for (const group of nomenclature.CHOICES_FILTERS_TAGS) {
    const known = FILTER_GROUPS[group.name];
    if (!known) throw new Error(`Unknown 2018 filter group ${group.name}`);
    const categoryKey = known.categoryKeys.find((key) => key in nomenclature.CATEGORIES_CIS_DICT);
    const categories = categoryKey ? nomenclature.CATEGORIES_CIS_DICT[categoryKey] : undefined;
    if (!categories) throw new Error(`No codes for the 2018 filter group ${group.name}`);
    group.choices.forEach((choice, index) => {
      const codes = categories[choice.name];
      if (!codes) throw new Error(`No codes for the 2018 filter choice ${group.name}${choice.name}`);
      members[known.vocabulary][choice.name] = [...codes];
      const label = corrected(choice.name, choice.fullname, FILTER_LABEL_FIXES[choice.name]);
      // The description lists the member tags by name, for people; filterMembers has the codes.
      terms.push(
        term(known.vocabulary, choice.name, label, index, { descriptionFr: codes.map(tagLabel).join(', ') }),
      );
    });
  }
  return { terms, members };
}

function contentTypes(taxonomie: Taxonomie2019, term: MakeTerm): TaxonomyTerm[] {
  const list = splitCodeLists(taxonomie.v2_code_lists_raw.data).get('Type de contenus');
  if (!list || list.length === 0) throw new Error('taxonomie-2019.json has no "Type de contenus" list');
  return list.map(({ label, code }, index) => term('content_type', code, label, index));
}
