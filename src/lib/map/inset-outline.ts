import type { Geometry } from 'geojson';

/** A small SVG drawing of a territory: a path in a `0 0 width height` view box. */
export interface InsetOutline {
  d: string;
  width: number;
  height: number;
}

type Ring = number[][];

/** The shortest segment drawn, in pixels. */
const MIN_STEP = 1;

function polygonsOf(geometry: Geometry): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/**
 * The outline of a territory fitted in a width × height box, with a local equirectangular
 * projection: longitudes shrink by cos(latitude) at the territory's middle, which is exact
 * enough for an island a few dozen kilometres wide and keeps the code tiny (no projection
 * library). Points closer than a pixel to the previous one are dropped and the rest rounded
 * to half a pixel, so a detailed coastline becomes a path of a kilobyte or two.
 */
export function insetOutline(geometry: Geometry, width: number, height: number, margin = 2): InsetOutline {
  const polygons = polygonsOf(geometry);
  const points = polygons.flat(2);
  if (points.length === 0) return { d: '', width, height };
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  // Centred in the box: the spare room goes equally to both sides.
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (v: number) => Math.round(v * 2) / 2;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const kept: [number, number][] = [];
      for (const [lon = 0, lat = 0] of ring) {
        const x = offsetX + (lon - west) * k * scale;
        const y = offsetY + (north - lat) * scale;
        const last = kept.at(-1);
        // A point less than a pixel from the last one kept adds nothing visible at this size.
        if (!last || Math.hypot(x - last[0], y - last[1]) >= MIN_STEP) kept.push([x, y]);
      }
      // The ring's closing point is implied by Z.
      const [first, end] = [kept[0], kept.at(-1)];
      if (kept.length > 1 && first && end && Math.hypot(end[0] - first[0], end[1] - first[1]) < MIN_STEP)
        kept.pop();
      // Rings that fit in a pixel or two vanish: no surface left to draw.
      if (kept.length >= 3) parts.push(`M${kept.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}Z`);
    }
  }
  return { d: parts.join(''), width, height };
}
