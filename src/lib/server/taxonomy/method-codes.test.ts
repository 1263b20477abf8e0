import { describe, expect, it } from 'vitest';
import { isMethodCode, METHOD_CODES } from './method-codes.ts';
import { readTaxonomy } from './read-taxonomy.ts';

describe('METHOD_CODES', () => {
  it('are the tags of the 2018 "méthodes" filter group, each a known 2018 tag', () => {
    const taxonomy = readTaxonomy();
    const members = Object.values(taxonomy.filterMembers.methode2018).flat().sort();
    expect([...METHOD_CODES]).toEqual(members);
    const tags = new Set(taxonomy.terms.filter((t) => t.vocabulary === 'tag2018').map((t) => t.code));
    for (const code of METHOD_CODES) expect(tags.has(code)).toBe(true);
  });

  it('tells method codes from other 2018 tags', () => {
    expect(isMethodCode('MED')).toBe(true);
    expect(isMethodCode('JEU')).toBe(false);
    expect(isMethodCode('coo')).toBe(false);
  });
});
