import { describe, expect, it } from 'vitest';
import { mergeTagRules, readTagRules } from './read-tag-rules.ts';
import { readNomenclature2018 } from './taxonomy-sources.ts';

const source = readNomenclature2018().NORMALIZATION_TAGS_SOURCES_CIS;

describe('the 2018 partner-tag rules', () => {
  it('are 835 rows for 30 partners in the source', () => {
    expect(source).toHaveLength(835);
    expect(new Set(source.map((rule) => rule.from.trim())).size).toBe(30);
  });

  it('merge the 12 (partner, tag) pairs listed more than once (21 extra rows) into 814 rules', () => {
    const { rules, duplicates } = mergeTagRules(source);
    expect(duplicates).toHaveLength(12);
    expect(duplicates.reduce((sum, d) => sum + d.rows - 1, 0)).toBe(21);
    expect(rules).toHaveLength(835 - 21);
    expect(readTagRules()).toEqual(rules);
    const keys = rules.map((r) => `${r.partnerKey}|${r.tagNormalized}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keep the union of the codes of merged rows, in the order first met', () => {
    const rules = readTagRules();
    const find = (partnerKey: string, tagNormalized: string) =>
      rules.find((r) => r.partnerKey === partnerKey && r.tagNormalized === tagNormalized)?.codes;
    expect(find('Avise', 'silver economie')).toEqual(['SEN', 'ECO']);
    expect(find('FNCE', 'solidarite')).toEqual(['COH', 'INS', 'HAN', 'EDU', 'HAB', 'AGR']);
    expect(find('Fondation Cognacq Jay', 'vivre ensemble')).toEqual(['COH', 'DRO']);
  });

  it('trim partner names and tags but keep their spelling', () => {
    const rules = readTagRules();
    expect(rules.some((r) => r.partnerKey === 'Réseau rural')).toBe(true);
    expect(rules.every((r) => r.partnerKey === r.partnerKey.trim() && r.tag === r.tag.trim())).toBe(true);
    expect(rules.find((r) => r.tagNormalized === 'ase pjj justice')?.tag).toBe('ASE - PJJ - Justice');
  });

  it('only use codes of the 2018 nomenclature', () => {
    const known = new Set(Object.keys(readNomenclature2018().NOMENCLATURE_CIS_DICT));
    for (const rule of readTagRules()) for (const code of rule.codes) expect(known).toContain(code);
  });
});
