/** What detection measured about two projects (SQL computes it, this module weighs it). */
export interface PairFeatures {
  /** pg_trgm similarity of the normalised names, 0–1. */
  nameSimilarity: number;
  /** pg_trgm similarity of the normalised carriers, 0–1; null when one has no carrier. */
  carrierSimilarity: number | null;
  sameWebsiteDomain: boolean;
  /** pg_trgm similarity of the short presentations; null when one has none. */
  summarySimilarity?: number | null;
  /** The same page URL given by two different sources. */
  sameSourceUrl: boolean;
  sameCommune: boolean;
  sameDepartement: boolean;
}

export interface PairScore {
  score: number;
  reasons: string[];
}

/** Above this, the records merge without asking. */
export const AUTO_MERGE_THRESHOLD = 0.9;
/** From this up to the auto threshold, a coordinator decides. */
export const REVIEW_THRESHOLD = 0.6;

/**
 * One score per pair, from the strongest evidence: the same partner page; the same name in the
 * same place; a very similar name and carrier; the same website. Two different carriers keep a
 * pair out of automatic merging (a spreadsheet fill-down can give one project another's name).
 */
export function scorePair(f: PairFeatures): PairScore {
  const reasons: string[] = [];
  let score = 0.45 * f.nameSimilarity + 0.25 * (f.carrierSimilarity ?? 0.5);
  if (f.sameDepartement) score += 0.1;
  if (f.sameWebsiteDomain) score += 0.15;

  const exactName = f.nameSimilarity >= 0.999;
  if (exactName && f.sameCommune) {
    score = Math.max(score, 0.95);
    reasons.push('same name in the same commune');
  } else if (exactName && f.sameDepartement) {
    score = Math.max(score, 0.92);
    reasons.push('same name in the same département');
  }
  if (f.nameSimilarity >= 0.7 && (f.carrierSimilarity ?? 0) >= 0.7) {
    score = Math.max(score, 0.9 + 0.05 * Math.min(f.nameSimilarity, f.carrierSimilarity ?? 0));
    reasons.push('similar name and carrier');
  }
  if (f.sameWebsiteDomain) {
    score = Math.max(score, f.nameSimilarity >= 0.4 ? 0.91 : 0.65);
    reasons.push('same website');
  }
  // One carrier, one presentation: the same project under another name (a fill-down error).
  if ((f.carrierSimilarity ?? 0) >= 0.9 && (f.summarySimilarity ?? 0) >= 0.8) {
    score = Math.max(score, 0.93);
    reasons.push('same carrier and presentation');
  }
  if (f.sameSourceUrl) {
    score = Math.max(score, 0.97);
    reasons.push('same partner page');
  }
  if (
    f.carrierSimilarity !== null &&
    f.carrierSimilarity < 0.4 &&
    !f.sameSourceUrl &&
    !f.sameWebsiteDomain &&
    (f.summarySimilarity ?? 0) < 0.8
  ) {
    score = Math.min(score, 0.75);
    reasons.push('different carriers');
  }
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons };
}

/**
 * Whether the presentations' similarity can change a pair's outcome (kept or not, score, reasons):
 * only with the same carrier (it may lift the pair to merging), or with different carriers and
 * nothing else in common when the pair would be kept without the cap of "different carriers"
 * (a similar presentation lifts that cap). Everywhere else it weighs nothing, and comparing
 * presentations is most of the cost of a full run's hundreds of thousands of pairs.
 */
export function presentationMatters(f: Omit<PairFeatures, 'summarySimilarity'>): boolean {
  const carrier = f.carrierSimilarity;
  if (carrier === null) return false;
  if (carrier >= 0.9) return true;
  if (carrier >= 0.4 || f.sameSourceUrl || f.sameWebsiteDomain) return false;
  return scorePair({ ...f, summarySimilarity: 1 }).score >= REVIEW_THRESHOLD;
}
