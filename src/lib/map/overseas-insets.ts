import type { FeatureCollection } from 'geojson';
import { type InsetOutline, insetOutline } from './inset-outline.ts';
import { choroplethColor, choroplethSteps } from './map-data.ts';
import { MAINLAND, type MapBox, OVERSEAS } from './overseas.ts';

export interface OverseasInset {
  code: string;
  departement: string;
  name: string;
  box: MapBox;
  /** Located projects of the search there: the choropleth's own count for the département. */
  count: number;
  /** The choropleth's colour for that count. */
  fill: string;
  outline: InsetOutline;
}

/** Size of an inset's drawing, in CSS pixels. */
export const INSET_WIDTH = 48;
export const INSET_HEIGHT = 40;

/**
 * One inset per overseas région, in the order of the server-rendered map: its outline from the
 * map's département outlines, and its count from the map payload's counts per département — the
 * same figures and colours as the choropleth, so the inset and the map never disagree.
 */
export function overseasInsets(
  outlines: FeatureCollection,
  departements: Record<string, number>,
): OverseasInset[] {
  const steps = choroplethSteps(Object.values(departements));
  return OVERSEAS.map((place) => {
    const feature = outlines.features.find((f) => String(f.properties?.code) === place.departement);
    return {
      ...place,
      count: departements[place.departement] ?? 0,
      fill: choroplethColor(departements[place.departement] ?? 0, steps),
      outline: feature
        ? insetOutline(feature.geometry, INSET_WIDTH, INSET_HEIGHT)
        : { d: '', width: INSET_WIDTH, height: INSET_HEIGHT },
    };
  });
}

/** Whether the map's view is centred on mainland France (the insets show) or elsewhere. */
export function showsMainland(bounds: { west: number; south: number; east: number; north: number }): boolean {
  const [[west, south], [east, north]] = MAINLAND;
  const lon = (bounds.west + bounds.east) / 2;
  const lat = (bounds.south + bounds.north) / 2;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}
