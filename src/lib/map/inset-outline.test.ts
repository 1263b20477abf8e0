import { describe, expect, it } from 'vitest';
import { insetOutline } from './inset-outline.ts';

const coordinates = (d: string) =>
  [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);

describe('insetOutline', () => {
  it('fits a square of one degree at the equator in the box, centred, north up', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [10, 0],
          [11, 0],
          [11, 1],
          [10, 1],
          [10, 0],
        ],
      ],
    };
    const outline = insetOutline(square, 48, 40, 2);
    // 36 px high (40 - 2 margins), as wide since cos(0.5°) ≈ 1, centred horizontally.
    expect(outline).toEqual({ d: 'M6 38L42 38L42 2L6 2Z', width: 48, height: 40 });
  });

  it('narrows longitudes by cos(latitude): one degree by one degree at 60° is twice as high as wide', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 59.5],
          [1, 59.5],
          [1, 60.5],
          [0, 60.5],
          [0, 59.5],
        ],
      ],
    };
    const points = coordinates(insetOutline(square, 100, 100, 0).d);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height).toBe(100);
    expect(width).toBeCloseTo(50, 0);
  });

  it('draws every polygon of a multipolygon, drops repeated points and sub-pixel rings', () => {
    const islands = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 0.0001],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [3, 0],
            [4, 0],
            [4, 1],
            [3, 0],
          ],
        ],
        [
          [
            [2, 2],
            [2.0001, 2],
            [2.0001, 2.0001],
            [2, 2],
          ],
        ],
      ],
    };
    const { d } = insetOutline(islands, 48, 40);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toMatch(/(\d+(?:\.\d)? \d+(?:\.\d)?)L\1L/);
    for (const [x, y] of coordinates(d)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(48);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(40);
    }
  });

  it('gives an empty drawing for a geometry without surface', () => {
    expect(insetOutline({ type: 'Point', coordinates: [55.5, -21] }, 48, 40).d).toBe('');
  });
});
