import { describe, expect, it } from 'vitest';
import {
  allowedTypos,
  buildTsQuery,
  correctableWords,
  editDistance,
  foldWord,
  loadSynonyms,
  parseQueryTerms,
} from './search-text.ts';

const synonyms = loadSynonyms([
  ['économie sociale et solidaire', 'ess'],
  ['vélo', 'bicyclette'],
]);
const build = (q: string, corrections = new Map<string, string[]>()) =>
  buildTsQuery(parseQueryTerms(q), { synonyms, corrections });

describe('search text', () => {
  it('splits words, phrases and exclusions, dropping the articles PostgreSQL keeps', () => {
    expect(parseQueryTerms('les jeunes "tiers lieu" -paris l\'emploi')).toEqual([
      { words: ['jeunes'], phrase: false, negated: false },
      { words: ['tiers', 'lieu'], phrase: true, negated: false },
      { words: ['paris'], phrase: false, negated: true },
      { words: ['l', 'emploi'], phrase: true, negated: false },
    ]);
    expect(parseQueryTerms('  "" - ; ')).toEqual([]);
  });

  it('counts a term typed twice once, accents and case aside', () => {
    expect(build('culture Culture')).toBe("'culture':*");
    expect(build('projet numérique projet numerique')).toBe("'projet' & 'numérique':*");
    expect(build('emploi -jeunes emploi -jeunes')).toBe("'emploi' & !'jeunes'");
    // An exclusion of a word searched is another term.
    expect(build('emploi -emploi')).toBe("'emploi' & !'emploi'");
  });

  it('makes the last word a prefix and ANDs the terms', () => {
    expect(build('epicerie solidaire')).toBe("'epicerie' & 'solidaire':*");
    expect(build('jeune')).toBe("'jeune':*");
    expect(build('de')).toBe("'de'");
    expect(build('emploi -jeunes')).toBe("'emploi' & !'jeunes'");
    expect(build('"tiers lieu"')).toBe("'tiers lieu'");
  });

  it('cannot be broken by tsquery operators', () => {
    expect(build("a' | b & !c:* (d)")).toBe("'a' & 'b' & 'c' & 'd'");
  });

  it('adds corrections and synonyms', () => {
    expect(build('emlpoi solidaire', new Map([['emlpoi', ['emploi']]]))).toBe(
      "('emlpoi' | 'emploi') & 'solidaire':*",
    );
    expect(build('ess')).toBe("('ess' | 'economie sociale et solidaire')");
    expect(build('économie sociale et solidaire emploi')).toBe(
      "(('économie' & 'sociale' & 'et' & 'solidaire') | 'ess') & 'emploi':*",
    );
    expect(build('velo')).toBe("('velo' | 'bicyclette')");
  });

  it('measures typos', () => {
    expect(foldWord('Épicerie Œuvre')).toBe('epicerie oeuvre');
    expect(editDistance('emploi', 'emlpoi')).toBe(1);
    expect(editDistance('solidaire', 'soldiaire')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect([
      allowedTypos('jeune'),
      allowedTypos('emploi'),
      allowedTypos('solidarite'),
      allowedTypos('ess'),
    ]).toEqual([1, 1, 2, 0]);
    expect(correctableWords(parseQueryTerms('Épicerie de quartier -paris "tiers lieu"'))).toEqual([
      'epicerie',
      'quartier',
    ]);
  });
});
