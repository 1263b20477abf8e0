import { describe, expect, it } from 'vitest';
import { departementOutlines, OVERSEAS_DEPARTEMENTS } from './departement-outlines.ts';

describe('departementOutlines', () => {
  it('holds the mainland départements and the five overseas ones, as valid polygons', async () => {
    const text = await departementOutlines();
    const geo = JSON.parse(text) as {
      features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[];
    };
    const codes = geo.features.map((f) => f.properties.code);
    expect(codes).toHaveLength(96 + 5);
    for (const code of ['69', '2A', ...OVERSEAS_DEPARTEMENTS]) expect(codes).toContain(code);
    const overseas = geo.features.filter((f) => OVERSEAS_DEPARTEMENTS.includes(f.properties.code));
    for (const feature of overseas) {
      const polygons = (
        feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
      ) as [number, number][][][];
      expect(polygons.length).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
      }
    }
    expect(text.length).toBeLessThan(700_000);
  });
});
