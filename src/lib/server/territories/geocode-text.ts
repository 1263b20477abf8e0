import type { GeocodeResult, Geocoder } from './geocoder.ts';
import { parseAddress } from './parse-address.ts';

export type TextPrecision = GeocodeResult['precision'] | 'national';

export interface TextGeocode {
  inseeCode: string | null;
  city: string | null;
  postalCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: TextPrecision;
  /** 0–1: how sure the answer is (the precision, less for each doubt). */
  score: number;
  warnings: string[];
}

const PRECISION_SCORE: Record<TextPrecision, number> = {
  commune: 1,
  postal_code: 0.8,
  departement: 0.5,
  region: 0.3,
  national: 0.2,
  unknown: 0,
};

/** A free-text place ("12 rue X, 69003 Lyon", "Lyon (69003)", "Villeurbanne") through the offline geocoder. */
export function geocodeText(geocoder: Geocoder, text: string): TextGeocode {
  const parsed = parseAddress(text);
  if (parsed.national) {
    return {
      inseeCode: null,
      city: null,
      postalCode: null,
      departementCode: null,
      regionCode: null,
      latitude: null,
      longitude: null,
      precision: 'national',
      score: PRECISION_SCORE.national,
      warnings: [],
    };
  }
  const result = geocoder.geocode({ postalCode: parsed.postalCode, city: parsed.city });
  const score = Math.max(0, PRECISION_SCORE[result.precision] - 0.1 * result.warnings.length);
  return {
    inseeCode: result.inseeCode,
    city: result.city,
    postalCode: result.postalCode,
    departementCode: result.departementCode,
    regionCode: result.regionCode,
    latitude: result.latitude,
    longitude: result.longitude,
    precision: result.precision,
    score: Math.round(score * 100) / 100,
    warnings: result.warnings,
  };
}
