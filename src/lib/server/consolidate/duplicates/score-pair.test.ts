import { describe, expect, it } from 'vitest';
import { AUTO_MERGE_THRESHOLD, presentationMatters, REVIEW_THRESHOLD, scorePair } from './score-pair.ts';

const none = {
  nameSimilarity: 0,
  carrierSimilarity: null,
  sameWebsiteDomain: false,
  sameSourceUrl: false,
  sameCommune: false,
  sameDepartement: false,
};

describe('scorePair', () => {
  it('merges the same name in the same commune, or a similar name and carrier', () => {
    expect(
      scorePair({ ...none, nameSimilarity: 1, sameCommune: true, sameDepartement: true }).score,
    ).toBeGreaterThanOrEqual(AUTO_MERGE_THRESHOLD);
    expect(scorePair({ ...none, nameSimilarity: 0.8, carrierSimilarity: 0.9 }).score).toBeGreaterThanOrEqual(
      AUTO_MERGE_THRESHOLD,
    );
    expect(scorePair({ ...none, nameSimilarity: 0.5, sameWebsiteDomain: true }).reasons).toContain(
      'same website',
    );
  });

  it('sends a same name with different carriers to review, never to automatic merge', () => {
    // The HANDI SURF rows of the one-row-per-site file carry another laureate's name.
    const result = scorePair({ ...none, nameSimilarity: 1, carrierSimilarity: 0.1, sameDepartement: true });
    expect(result.score).toBeLessThan(AUTO_MERGE_THRESHOLD);
    expect(result.score).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(result.reasons).toContain('different carriers');
  });

  it('merges one carrier with one presentation under two names', () => {
    const result = scorePair({ ...none, nameSimilarity: 0.1, carrierSimilarity: 1, summarySimilarity: 0.95 });
    expect(result.score).toBeGreaterThanOrEqual(AUTO_MERGE_THRESHOLD);
    expect(
      scorePair({ ...none, nameSimilarity: 0.1, carrierSimilarity: 1, summarySimilarity: 0.3 }).score,
    ).toBeLessThan(REVIEW_THRESHOLD);
  });

  it('leaves unrelated projects alone', () => {
    expect(scorePair({ ...none, nameSimilarity: 0.35, carrierSimilarity: 0.2 }).score).toBeLessThan(
      REVIEW_THRESHOLD,
    );
  });

  it('says when the presentations can change a pair: otherwise leaving them out changes nothing kept', () => {
    const steps = [0, 0.2, 0.39, 0.4, 0.6, 0.7, 0.89, 0.9, 1];
    let matters = 0;
    for (const nameSimilarity of steps)
      for (const carrierSimilarity of [null, ...steps])
        for (const summarySimilarity of [null, ...steps])
          for (const flags of [0, 1, 2, 3, 4, 5, 6, 7, 8, 15]) {
            const f = {
              nameSimilarity,
              carrierSimilarity,
              sameWebsiteDomain: Boolean(flags & 1),
              sameSourceUrl: Boolean(flags & 2),
              sameCommune: Boolean(flags & 4),
              sameDepartement: Boolean(flags & 12),
            };
            if (presentationMatters(f)) {
              matters++;
              continue;
            }
            const withText = scorePair({ ...f, summarySimilarity });
            const without = scorePair({ ...f, summarySimilarity: null });
            expect(without.score >= REVIEW_THRESHOLD).toBe(withText.score >= REVIEW_THRESHOLD);
            if (withText.score >= REVIEW_THRESHOLD) expect(without).toEqual(withText);
          }
    // The same carrier, or different carriers with a name alike: there it does matter.
    expect(matters).toBeGreaterThan(0);
    expect(presentationMatters({ ...none, nameSimilarity: 1, carrierSimilarity: 0.95 })).toBe(true);
    expect(
      presentationMatters({ ...none, nameSimilarity: 1, carrierSimilarity: 0.1, sameDepartement: true }),
    ).toBe(true);
    expect(presentationMatters({ ...none, nameSimilarity: 0.3, carrierSimilarity: 0.1 })).toBe(false);
  });
});
