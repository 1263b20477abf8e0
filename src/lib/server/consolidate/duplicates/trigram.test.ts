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
