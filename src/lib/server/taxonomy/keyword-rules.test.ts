import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../text/normalize-key.ts';
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

  it('finds what one regular expression per rule finds', () => {
    const rules = readKeywordRules();
    const reference = (text: string) =>
      rules.rules
        .filter((r) =>
          new RegExp(`(?:^| )(?:${r.keywords.map((k) => normalizeKey(k)).join('|')})`).test(
            normalizeKey(text),
          ),
        )
        .map((r) => r.code);
    // Texts made of keywords, their beginnings and endings, and words with a keyword inside.
    const words = rules.rules
      .flatMap((r) => r.keywords)
      .flatMap((k) => [k, k.slice(0, -1), `en${k}`, `${k}s`, k.slice(1)]);
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return words[seed % words.length] as string;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + (n % 9) }, pick).join(n % 2 ? ' ' : ', ');
      expect(match(text)).toEqual(reference(text));
    }
  });
});
