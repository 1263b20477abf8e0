/** The compact map payload of /carte/points.json (see MapPointsView on the server). */
export interface MapPayload {
  total: number;
  projects: [string, string][];
  points: [number, number, number][];
  departements: Record<string, number>;
}

export interface PointFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { i: number };
}

export function toFeatureCollection(payload: MapPayload): {
  type: 'FeatureCollection';
  features: PointFeature[];
} {
  return {
    type: 'FeatureCollection',
    features: payload.points.map(([lon, lat, i]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { i },
    })),
  };
}

/** Projects with a site inside the box, each once, in the search's order, at most `limit`. */
export function projectsInBounds(
  payload: MapPayload,
  bounds: { west: number; south: number; east: number; north: number },
  limit: number,
): { count: number; projects: { slug: string; name: string }[] } {
  const seen = new Set<number>();
  for (const [lon, lat, i] of payload.points) {
    if (lon >= bounds.west && lon <= bounds.east && lat >= bounds.south && lat <= bounds.north) seen.add(i);
  }
  const ordered = [...seen].sort((a, b) => a - b);
  return {
    count: ordered.length,
    projects: ordered.slice(0, limit).map((i) => {
      const [slug, name] = payload.projects[i] as [string, string];
      return { slug, name };
    }),
  };
}

/** Colour steps of the choropleth (light to dark), and the count thresholds they start at. */
export function choroplethSteps(counts: number[]): number[] {
  const max = Math.max(1, ...counts);
  return [1, Math.ceil(max / 8), Math.ceil(max / 4), Math.ceil(max / 2)].filter(
    (v, i, all) => i === 0 || v > (all[i - 1] ?? 0),
  );
}

/** The choropleth's colours: no project, then one per step of `choroplethSteps`. */
export const CHOROPLETH_EMPTY = '#f4f6f8';
export const CHOROPLETH_PALETTE = ['#d6e6ef', '#a9cbdc', '#6fa5c0', '#2f7397'];

/** The colour of a count on the choropleth (the insets use it too, to match the map). */
export function choroplethColor(count: number, steps: number[]): string {
  let colour = CHOROPLETH_EMPTY;
  steps.forEach((threshold, i) => {
    if (count >= threshold) colour = CHOROPLETH_PALETTE[Math.min(i, CHOROPLETH_PALETTE.length - 1)] ?? colour;
  });
  return colour;
}
