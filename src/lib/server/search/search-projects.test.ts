import { describe, expect, it } from 'vitest';
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
});
