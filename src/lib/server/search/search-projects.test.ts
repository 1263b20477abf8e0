import { describe, expect, it } from 'vitest';
import { type PlannedMatches, shapeOf } from './match-shape.ts';
import { didYouMean, markSnippet } from './search-projects.ts';

describe('search presentation helpers', () => {
  it('escapes the extract before marking the matches', () => {
    const raw = `Une <script>alert("x")</script> ${String.fromCharCode(2)}épicerie${String.fromCharCode(3)} & co`;
    expect(markSnippet(raw)).toBe(
      'Une &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>épicerie</mark> &amp; co',
    );
  });

  it('suggests the nearest known spelling of unknown words', () => {
    const unknown = new Map([['cravtea', ['cree', 'cravate']]]);
    expect(didYouMean('La cravtea', unknown)).toBe('La cravate');
    expect(didYouMean('emploi', new Map())).toBeNull();
  });

  it('chooses how to find the first matches from the estimates', () => {
    const million = { projects: 1_000_000, names: 0, filtersKnown: true };
    const shape = (planned: Omit<PlannedMatches, 'projects' | 'names' | 'filtersKnown'>, known = true) =>
      shapeOf({ ...million, ...planned, filtersKnown: known }, 300);
    // Dense matches: walked, past √(300 × 1,000,000 / 10) ≈ 5,500 (and 10 × 300).
    expect(shape({ matches: 6_000, filters: 1_000_000, words: 6_000 })).toBe('walk');
    expect(shape({ matches: 5_000, filters: 1_000_000, words: 5_000 })).toBe('collect');
    // A broad word in a small région: the région's candidates, their words matched.
    expect(shape({ matches: 2_000, filters: 7_000, words: 270_000 })).toBe('filter');
    // Not when a radius makes the filters' estimate a guess.
    expect(shape({ matches: 2_000, filters: 7_000, words: 270_000 }, false)).toBe('collect');
    // Three words in a large theme: the word index alone.
    expect(shape({ matches: 470, filters: 190_000, words: 2_400 })).toBe('words');
    // A filter that leaves out most word matches is worth its index.
    expect(shape({ matches: 3_500, filters: 160_000, words: 21_000 })).toBe('collect');
  });
});
