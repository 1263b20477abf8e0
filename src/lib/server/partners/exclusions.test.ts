import { describe, expect, it } from 'vitest';
import { exclusionMatcher, parseExclusions } from './exclusions.ts';

describe('exclusionMatcher', () => {
  const excluded = exclusionMatcher([
    { kind: 'url', value: 'https://partenaire.org/projets/jardin/' },
    { kind: 'id', value: '42' },
    { kind: 'pattern', value: 'https://partenaire.org/archives/*' },
  ]);

  it('matches by page URL whatever the trailing slash or fragment', () => {
    expect(excluded({ stableKey: 'id:1', sourceUrl: 'https://partenaire.org/projets/jardin#haut' })).toBe(
      true,
    );
    expect(excluded({ stableKey: 'id:1', sourceUrl: 'https://partenaire.org/projets/autre' })).toBe(false);
  });

  it('matches by id at the source, with or without the key prefix', () => {
    expect(excluded({ stableKey: 'id:42', sourceUrl: null })).toBe(true);
    expect(excluded({ stableKey: 'id:420', sourceUrl: null })).toBe(false);
  });

  it('matches a pattern on the page URL', () => {
    expect(excluded({ stableKey: 'id:7', sourceUrl: 'https://partenaire.org/archives/2016/x' })).toBe(true);
    expect(excluded({ stableKey: 'id:7', sourceUrl: 'https://partenaire.org/projets/x' })).toBe(false);
  });

  it('refuses a malformed exclusion', () => {
    expect(() => parseExclusions([{ kind: 'name', value: 'x' }])).toThrow();
    expect(() => parseExclusions([{ kind: 'url', value: ' ' }])).toThrow();
  });
});
