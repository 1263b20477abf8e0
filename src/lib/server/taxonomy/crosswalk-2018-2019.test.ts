import { describe, expect, it } from 'vitest';
import { CROSSWALK_2018_2019, crosswalk2018To2019, UNMAPPED_2018 } from './crosswalk-2018-2019.ts';
import { readTaxonomy } from './read-taxonomy.ts';

const terms = readTaxonomy().terms;
const codesOf = (vocabulary: string) => terms.filter((t) => t.vocabulary === vocabulary).map((t) => t.code);

describe('the 2018 → 2019 crosswalk', () => {
  it('maps every one of the 40 codes of 2018, or lists it as unmapped with a reason', () => {
    const tags = codesOf('tag2018');
    expect(tags).toHaveLength(40);
    for (const code of tags) {
      const mapped = code in CROSSWALK_2018_2019;
      const unmapped = code in UNMAPPED_2018;
      expect(mapped !== unmapped, `${code}: mapped ${mapped}, unmapped ${unmapped}`).toBe(true);
    }
    expect([...Object.keys(CROSSWALK_2018_2019), ...Object.keys(UNMAPPED_2018)].sort()).toEqual(
      [...tags].sort(),
    );
    expect(Object.keys(UNMAPPED_2018).sort()).toEqual(['AUT', 'REC']);
  });

  it('points only to existing themes, and to sub-themes of those themes', () => {
    const themes = new Set(codesOf('theme'));
    const parents = new Map(
      terms.filter((t) => t.vocabulary === 'subtheme').map((t) => [t.code, t.parentCode]),
    );
    for (const [code, targets] of Object.entries(CROSSWALK_2018_2019)) {
      expect(targets.length, code).toBeGreaterThan(0);
      for (const target of targets) {
        const [theme, subtheme, extra] = target.split('/');
        expect(extra, target).toBeUndefined();
        expect(themes, target).toContain(theme);
        if (subtheme !== undefined) expect(parents.get(subtheme), target).toBe(theme);
      }
    }
  });

  it('writes the single sub-theme of single sub-theme themes', () => {
    const single = codesOf('theme').filter(
      (theme) => terms.filter((t) => t.parentCode === theme).length === 1,
    );
    for (const targets of Object.values(CROSSWALK_2018_2019)) {
      for (const target of targets) expect(single.includes(target)).toBe(false);
    }
  });

  it('turns 2018 codes into themes and sub-themes, each once', () => {
    expect(crosswalk2018To2019(['EMP', 'FOR', 'INS', 'AUT'])).toEqual({
      themes: ['EMP'],
      subthemes: ['ACE', 'FOR'],
    });
    expect(crosswalk2018To2019(['COH', 'HAN', 'SEN', 'SER'])).toEqual({
      themes: ['SOL'],
      subthemes: ['LIE', 'HAN', 'SEN'],
    });
    expect(crosswalk2018To2019(['CUL', 'EDU', 'JEU'])).toEqual({
      themes: ['ART', 'EDU'],
      subthemes: ['ART', 'ENF'],
    });
    expect(crosswalk2018To2019(['AUT', 'REC', 'XXX'])).toEqual({ themes: [], subthemes: [] });
  });
});
