import { readFile } from 'node:fs/promises';
import { fromAppRoot } from '../platform/app-root.ts';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface Feature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: Geometry;
}

/** The overseas départements (one per overseas région) drawn on the map with the mainland. */
export const OVERSEAS_DEPARTEMENTS = ['971', '972', '973', '974', '976'];

/** Coordinates on a grid of about 200 m (three decimals), repeated points dropped. */
function simplifyRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * 500) / 500, Math.round(lat * 500) / 500];
    const last = out.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  // A ring ends where it starts, even when its last points fell on one grid point.
  const [first, end] = [out[0], out.at(-1)];
  if (first && end && (first[0] !== end[0] || first[1] !== end[1])) out.push(first);
  return out;
}

/** A polygon keeps its rings that still close a surface (4 points at least); none: dropped. */
function simplifyPolygon(rings: Ring[]): Ring[] | null {
  const kept = rings.map(simplifyRing);
  if ((kept[0]?.length ?? 0) < 4) return null;
  return kept.filter((ring) => ring.length >= 4);
}

function simplify(geometry: Geometry): Geometry | null {
  if (geometry.type === 'Polygon') {
    const rings = simplifyPolygon(geometry.coordinates);
    return rings ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polygons = geometry.coordinates.map(simplifyPolygon).filter((p): p is Ring[] => p !== null);
  return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/**
 * Département outlines for the map: the simplified mainland file (570 KB) and the five
 * overseas départements from the full file, simplified here (about 130 KB), as GeoJSON text.
 */
export async function departementOutlines(): Promise<string> {
  const [mainland, all] = await Promise.all(
    ['departements-metropole-simplifie.geojson', 'departements-avec-outre-mer.geojson'].map(
      async (file) =>
        JSON.parse(await readFile(fromAppRoot('data', 'reference', file), 'utf8')) as {
          type: 'FeatureCollection';
          features: Feature[];
        },
    ),
  );
  const overseas = (all?.features ?? []).flatMap((feature) => {
    if (!OVERSEAS_DEPARTEMENTS.includes(feature.properties.code)) return [];
    const geometry = simplify(feature.geometry);
    return geometry ? [{ ...feature, geometry }] : [];
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [...(mainland?.features ?? []), ...overseas],
  });
}
