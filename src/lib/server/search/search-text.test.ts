import { describe, expect, it } from 'vitest';
import {
  allowedTypos,
  buildTsQuery,
  correctableWords,
  editDistance,
  foldWord,
  loadSynonyms,
  parseQueryTerms,
  withoutRepeatedAlternatives,
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

  it('estimates a phrase by its rarest known word', () => {
    const counts = new Map([
      ['sans', 60_000],
      ['abri', 59_000],
      ['tiers', 146_000],
    ]);
    const estimate = (q: string) =>
      buildTsQuery(parseQueryTerms(q), { synonyms, phraseAsRarestWord: counts });
    expect(estimate('sans-abri emploi')).toBe("'abri' & 'emploi':*");
    // A word the dictionary does not know is left out, unless every word of the phrase is.
    expect(estimate('"tiers lieux"')).toBe("'tiers'");
    expect(estimate('"zorglub zarbi"')).toBe("'zorglub'");
    // Exclusions stay phrases; without counts, phrases stay phrases.
    expect(estimate('emploi -"sans abri"')).toBe("'emploi' & !'sans abri'");
    expect(build('sans-abri')).toBe("'sans abri'");
  });

  it('leaves out, for the estimate, alternatives that repeat or that a prefix covers', () => {
    expect(
      withoutRepeatedAlternatives("( 'mediateur' | 'mediateur' ) & ( 'sport' | 'sport' | 'soort' )"),
    ).toBe("'mediateur' & ( 'sport' | 'soort' )");
    expect(withoutRepeatedAlternatives("( 'emploi':* | 'emplois' | 'emploi' ) & !( 'a' | 'b' )")).toBe(
      "'emploi':* & !( 'a' | 'b' )",
    );
    expect(withoutRepeatedAlternatives("( 'mod':* | 'mode':* | 'moder' )")).toBe("'mod':*");
    expect(withoutRepeatedAlternatives("'solidair':* | 'solidair' | 'solidair'")).toBe("'solidair':*");
    expect(withoutRepeatedAlternatives("'emploi' | 'jeun'")).toBe("'emploi' | 'jeun'");
    // A completion that the stemmed prefix does not cover is kept ('inclusiv' is not 'inclus').
    expect(withoutRepeatedAlternatives("( 'inclusiv':* | 'inclus' )")).toBe("( 'inclusiv':* | 'inclus' )");
    expect(withoutRepeatedAlternatives("'san' <-> 'abri' & ( 'l''eau' | 'l''eau' )")).toBe(
      "'san' <-> 'abri' & 'l''eau'",
    );
  });
});
