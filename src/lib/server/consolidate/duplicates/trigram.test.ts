import { describe, expect, it } from 'vitest';
import { similarity, trigrams } from './trigram.ts';

describe('trigram similarity', () => {
  it('gives what pg_trgm gives', () => {
    // SELECT similarity('jardin partage', 'jardin partagé') is 1 once normalised; 'word' vs 'two words' is 0.363636.
    expect(similarity(trigrams('word'), trigrams('two words'))).toBeCloseTo(0.363636, 5);
    expect(similarity(trigrams('jardin partage'), trigrams('jardin partage'))).toBe(1);
    expect(similarity(trigrams(''), trigrams('x'))).toBe(0);
  });
});

describe('trigram sets', () => {
  it('count each trigram once, whatever the order of the words', () => {
    expect(trigrams('aa aa')).toHaveLength(trigrams('aa').length);
    expect(similarity(trigrams('jardin partage solidaire'), trigrams('solidaire jardin partage'))).toBe(1);
    expect(similarity(trigrams('epicerie'), trigrams('epiceri'))).toBeCloseTo(7 / 10, 5);
  });
});
