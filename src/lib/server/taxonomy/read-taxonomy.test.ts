import { describe, expect, it } from 'vitest';
import { canonicalContentType, splitCodeLists } from './code-lists-2019.ts';
import { TAG2018_LABEL_FIXES, TAG2018_MEANING_FIXES } from './label-fixes.ts';
import { normalizeTag } from './normalize-tag.ts';
import {
  buildTaxonomy,
  readTaxonomy,
  TAXONOMY_VERSION,
  type TaxonomyTerm,
  type Vocabulary,
} from './read-taxonomy.ts';
import {
  readLabelsEn,
  readNomenclature2018,
  readReferentiel,
  readTaxonomie2019,
} from './taxonomy-sources.ts';

const taxonomy = readTaxonomy();
const terms = (vocabulary: Vocabulary): TaxonomyTerm[] =>
  taxonomy.terms.filter((t) => t.vocabulary === vocabulary);
const label = (vocabulary: Vocabulary, code: string): string | undefined =>
  taxonomy.terms.find((t) => t.vocabulary === vocabulary && t.code === code)?.labelFr;

describe('readTaxonomy', () => {
  it('has the 16 themes, 37 sub-themes, 40 tags of 2018 and the 2018 filter choices', () => {
    expect(terms('theme').map((t) => t.code)).toEqual([
      'EDU',
      'EMP',
      'ENV',
      'SAN',
      'SOL',
      'TER',
      'ART',
      'COM',
      'CON',
      'DEM',
      'GOU',
      'NUM',
      'SPO',
      'TOU',
      'FIN',
      'PAT',
    ]);
    expect(terms('subtheme')).toHaveLength(37);
    expect(terms('tag2018')).toHaveLength(40);
    expect(terms('domaine2018')).toHaveLength(8);
    expect(terms('public2018')).toHaveLength(3);
    expect(terms('methode2018')).toHaveLength(7);
    expect(terms('content_type').map((t) => t.code)).toEqual(['TPJ', 'TRD']);
  });

  it('has no duplicate (vocabulary, code) and stamps every term with the version', () => {
    const keys = taxonomy.terms.map((t) => `${t.vocabulary}/${t.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(taxonomy.terms.map((t) => t.version))).toEqual(new Set([TAXONOMY_VERSION]));
  });

  it('labels themes in a readable case, not in the capitals of the sheet', () => {
    expect(label('theme', 'EDU')).toBe('Éducation et jeunesse');
    expect(label('theme', 'SAN')).toBe('Santé');
    expect(label('theme', 'CON')).toBe('Consommation et services responsables');
    for (const theme of terms('theme')) expect(theme.labelFr).not.toBe(theme.labelFr.toUpperCase());
  });

  it('keeps every sub-theme under an existing theme, including those that repeat the theme code', () => {
    const themeCodes = new Set(terms('theme').map((t) => t.code));
    for (const sub of terms('subtheme')) expect(themeCodes).toContain(sub.parentCode);
    const art = terms('subtheme').find((t) => t.code === 'ART');
    expect(art?.parentCode).toBe('ART');
    expect(
      terms('subtheme')
        .filter((t) => t.parentCode === 'EDU')
        .map((t) => t.code),
    ).toEqual(['EDC', 'EGA', 'INN', 'ENF']);
  });

  it('trusts the Référentiel for EGA, INN and ENF, whose labels are rotated in the code-list sheet', () => {
    expect(label('subtheme', 'EGA')).toBe('Égalité des chances');
    expect(label('subtheme', 'INN')).toBe('Innovation pédagogique');
    expect(label('subtheme', 'ENF')).toBe('Enfance/Jeunesse/Famille');

    // The defect is really in the shipped file, and nowhere else.
    const codeList = splitCodeLists(readTaxonomie2019().v2_code_lists_raw.data).get('Sous-thématiques') ?? [];
    const referentiel = new Map(
      readReferentiel().map((r) => [r['Sous-thématiques - CODE'], r['Sous-thématiques']]),
    );
    const disagreeing = codeList
      .filter(({ code, label }) => normalizeTag(referentiel.get(code) ?? '') !== normalizeTag(label))
      .map(({ code }) => code);
    expect(disagreeing).toEqual(['EGA', 'INN', 'ENF']);
  });

  it('agrees with the N1/N2 tree of taxonomie-2019.json', () => {
    const tree = readTaxonomie2019().v2_thematiques_N1_N2.data;
    for (const sub of terms('subtheme')) {
      const child = tree[sub.parentCode ?? '']?.children.find((c) => c.code === sub.code);
      expect(normalizeTag(child?.label ?? '')).toBe(normalizeTag(sub.labelFr));
    }
  });

  it('labels COH "Cohésion sociale", not the "energie" of the 2018 source', () => {
    expect(readNomenclature2018().NOMENCLATURE_CIS_DICT.COH?.fullname).toBe('energie');
    expect(label('tag2018', 'COH')).toBe('Cohésion sociale');
    expect(label('tag2018', 'ENE')).toBe('Énergie');
    expect(taxonomy.terms.find((t) => t.code === 'COH')?.descriptionFr).toContain('lien social');
  });

  it('corrects 2018 labels only in case and accents, except the COH meaning fix', () => {
    const source = readNomenclature2018().NOMENCLATURE_CIS_DICT;
    for (const [code, fixed] of Object.entries(TAG2018_LABEL_FIXES)) {
      if (code in TAG2018_MEANING_FIXES) continue;
      expect(normalizeTag(fixed)).toBe(normalizeTag(source[code]?.fullname ?? ''));
    }
  });

  it('reads TPRO (the 2019 filter code) as TPJ (the data code) for projects', () => {
    expect(canonicalContentType('TPRO')).toBe('TPJ');
    expect(canonicalContentType(' tpj ')).toBe('TPJ');
    expect(canonicalContentType('TRD')).toBe('TRD');
    expect(label('content_type', 'TPJ')).toBe('Projets');
  });

  it('gives each 2018 filter choice its member tag codes, despite the "pubics_" misspelling', () => {
    expect(taxonomy.filterMembers.public2018).toEqual({ handicap: ['HAN'], youth: ['JEU'], senior: ['SEN'] });
    expect(taxonomy.filterMembers.methode2018.philantropy).toEqual(['MEC']);
    expect(taxonomy.filterMembers.domaine2018.employment).toEqual(['INS', 'EMP', 'FOR', 'EDU']);
    const tagCodes = new Set(terms('tag2018').map((t) => t.code));
    for (const group of Object.values(taxonomy.filterMembers)) {
      for (const codes of Object.values(group)) for (const code of codes) expect(tagCodes).toContain(code);
    }
    expect(label('methode2018', 'evaluate')).toBe('Évaluation');
    expect(taxonomy.terms.find((t) => t.code === 'employment')?.descriptionFr).toBe(
      'Insertion, Emploi, Formation, Éducation',
    );
  });

  it('has an English label for every term, and none for a term that does not exist', () => {
    for (const term of taxonomy.terms) expect(term.labelEn, `${term.vocabulary}.${term.code}`).not.toBe('');
    const labels = readLabelsEn();
    for (const [vocabulary, byCode] of Object.entries(labels)) {
      const codes = new Set(terms(vocabulary as Vocabulary).map((t) => t.code));
      expect(
        Object.keys(byCode).filter((code) => !codes.has(code)),
        vocabulary,
      ).toEqual([]);
    }
    expect(labels.theme.EDU).toBe('Education and youth');
  });

  it('refuses to build when an English label is missing', () => {
    const labelsEn = readLabelsEn();
    const { PAT: _dropped, ...theme } = labelsEn.theme;
    const sources = {
      referentiel: readReferentiel(),
      taxonomie2019: readTaxonomie2019(),
      nomenclature2018: readNomenclature2018(),
    };
    expect(() => buildTaxonomy({ ...sources, labelsEn: { ...labelsEn, theme } })).toThrow(/theme\.PAT/);
  });
});
