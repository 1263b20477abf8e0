import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { departementOutlines } from '$lib/server/explore/departement-outlines.ts';
import { choroplethColor, choroplethSteps } from './map-data.ts';
import { overseasInsets, showsMainland } from './overseas-insets.ts';

const outlines = JSON.parse(await departementOutlines()) as FeatureCollection;

describe('overseasInsets', () => {
  it('gives each overseas région its département count from the map payload, 0 when none', () => {
    const insets = overseasInsets(outlines, { '974': 12, '971': 1, '75': 40, '2A': 3 });
    expect(insets.map((inset) => [inset.departement, inset.name, inset.count])).toEqual([
      ['971', 'Guadeloupe', 1],
      ['972', 'Martinique', 0],
      ['973', 'Guyane', 0],
      ['974', 'La Réunion', 12],
      ['976', 'Mayotte', 0],
    ]);
    // Coloured as on the choropleth, whose steps come from every département's count.
    expect(insets.map((inset) => inset.fill)).toEqual([
      choroplethColor(1, choroplethSteps([12, 1, 40, 3])),
      '#f4f6f8',
      '#f4f6f8',
      choroplethColor(12, choroplethSteps([12, 1, 40, 3])),
      '#f4f6f8',
    ]);
  });

  it('draws each région from the real outlines, in a kilobyte or so each', () => {
    for (const inset of overseasInsets(outlines, {})) {
      expect(inset.outline.d, inset.name).toMatch(/^M[\d. L]+Z/);
      expect(inset.outline.d.length, inset.name).toBeLessThan(2000);
    }
  });

  it('leaves a région without outline undrawn rather than failing', () => {
    const [first] = overseasInsets({ type: 'FeatureCollection', features: [] }, { '971': 2 });
    expect(first).toMatchObject({ name: 'Guadeloupe', count: 2, outline: { d: '' } });
  });
});

describe('showsMainland', () => {
  it('is true when the view is centred on mainland France, false over an overseas région', () => {
    expect(showsMainland({ west: -5.3, south: 41.2, east: 9.7, north: 51.2 })).toBe(true);
    expect(showsMainland({ west: 55.15, south: -21.45, east: 55.9, north: -20.8 })).toBe(false);
  });
});
