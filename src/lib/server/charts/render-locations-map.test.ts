import { describe, expect, it } from 'vitest';
import { renderLocationsMapSvg } from './render-france-map.ts';

const PARIS = { longitude: 2.35, latitude: 48.85, label: 'Paris' };
const MARSEILLE = { longitude: 5.37, latitude: 43.3, label: 'Marseille' };
const BREST = { longitude: -4.48, latitude: 48.39, label: 'Brest' };

function dots(svg: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

describe('the small map of a project’s locations', () => {
  it('places each location as a dot where it lies in France', () => {
    const svg = renderLocationsMapSvg([PARIS, MARSEILLE, BREST]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    const [paris, marseille, brest] = dots(svg);
    // North is up, west is left, inside the 280 px square.
    expect(paris && marseille && paris.y < marseille.y).toBe(true);
    expect(paris && marseille && paris.x < marseille.x).toBe(true);
    expect(brest && paris && brest.x < paris.x).toBe(true);
    for (const dot of [paris, marseille, brest]) {
      expect(dot?.x).toBeGreaterThan(0);
      expect(dot?.x).toBeLessThan(280);
    }
  });

  it('draws the same map under the dots for every project', () => {
    const one = renderLocationsMapSvg([PARIS]);
    const two = renderLocationsMapSvg([MARSEILLE]);
    expect(one.replace(/<circle[^>]*\/>/g, '')).toBe(two.replace(/<circle[^>]*\/>/g, ''));
    expect(dots(one)).toHaveLength(1);
    expect(dots(renderLocationsMapSvg([]))).toHaveLength(0);
  });
});
