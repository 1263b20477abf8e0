import { distanceKm, type LatLon } from './geo-distance.ts';

const CELL_DEGREES = 0.2;
const KM_PER_DEGREE_OF_LATITUDE = 111.2;

/**
 * Nearest point within a radius, over a grid of 0.2° cells: ~35k commune centroids leave a few
 * dozen points per cell, so a lookup reads a handful of cells instead of every commune.
 */
export class NearestPointIndex<T extends LatLon> {
  readonly #cells = new Map<string, T[]>();

  constructor(points: Iterable<T>) {
    for (const point of points) {
      const key = this.#key(
        Math.floor(point.latitude / CELL_DEGREES),
        Math.floor(point.longitude / CELL_DEGREES),
      );
      const cell = this.#cells.get(key);
      if (cell) cell.push(point);
      else this.#cells.set(key, [point]);
    }
  }

  #key(row: number, column: number): string {
    return `${row}:${column}`;
  }

  nearest(target: LatLon, radiusKm: number): { point: T; distanceKm: number } | null {
    const latitudeSpan = radiusKm / KM_PER_DEGREE_OF_LATITUDE;
    const cosine = Math.max(Math.cos((Math.abs(target.latitude) * Math.PI) / 180), 0.01);
    const longitudeSpan = Math.min(180, latitudeSpan / cosine);
    const rowFrom = Math.floor((target.latitude - latitudeSpan) / CELL_DEGREES);
    const rowTo = Math.floor((target.latitude + latitudeSpan) / CELL_DEGREES);
    const columnFrom = Math.floor((target.longitude - longitudeSpan) / CELL_DEGREES);
    const columnTo = Math.floor((target.longitude + longitudeSpan) / CELL_DEGREES);
    let best: { point: T; distanceKm: number } | null = null;
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let column = columnFrom; column <= columnTo; column++) {
        for (const point of this.#cells.get(this.#key(row, column)) ?? []) {
          const distance = distanceKm(target, point);
          if (distance <= radiusKm && (!best || distance < best.distanceKm))
            best = { point, distanceKm: distance };
        }
      }
    }
    return best;
  }
}
