import { describe, expect, it } from 'vitest';
import { keywordMatcher, readKeywordRules } from './keyword-rules.ts';

describe('keyword rules', () => {
  const match = keywordMatcher(readKeywordRules());

  it('suggests codes from words of a name and presentation, ignoring case and accents', () => {
    expect(match('Un atelier de RECYCLAGE pour le retour à l’emploi des jeunes')).toEqual([
      'ACE',
      'ENF',
      'GES',
    ]);
    expect(match('Surf adapté aux personnes en situation de handicap')).toEqual(['HAN', 'SPO']);
  });

  it('matches word beginnings only', () => {
    // "ferme" is a keyword (a farm); "fermeture" starts with it, "enfermement" does not.
    expect(match('enfermement')).toEqual([]);
    expect(match('')).toEqual([]);
  });
});
