import { describe, expect, it } from 'vitest';
import { AUTO_MERGE_THRESHOLD, REVIEW_THRESHOLD, scorePair } from './score-pair.ts';

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
});
