import { describe, expect, it } from 'vitest';
import {
  choroplethColor,
  choroplethSteps,
  type MapPayload,
  projectsInBounds,
  toFeatureCollection,
} from './map-data.ts';

const payload: MapPayload = {
  total: 3,
  projects: [
    ['a', 'Projet A'],
    ['b', 'Projet B'],
    ['c', 'Projet C'],
  ],
  points: [
    [2.35, 48.85, 0],
    [4.83, 45.76, 1],
    [2.3, 48.8, 1],
    [5.37, 43.3, 2],
  ],
  departements: { '75': 2, '69': 1, '13': 1 },
};

describe('map data', () => {
  it('turns compact points into GeoJSON', () => {
    const fc = toFeatureCollection(payload);
    expect(fc.features).toHaveLength(4);
    expect(fc.features[1]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [4.83, 45.76] },
      properties: { i: 1 },
    });
  });

  it('lists each project with a site in the view once, in search order', () => {
    const paris = projectsInBounds(payload, { west: 2, south: 48.5, east: 2.6, north: 49 }, 10);
    expect(paris).toEqual({
      count: 2,
      projects: [
        { slug: 'a', name: 'Projet A' },
        { slug: 'b', name: 'Projet B' },
      ],
    });
    expect(projectsInBounds(payload, { west: -5, south: 41, east: 10, north: 51 }, 1).projects).toHaveLength(
      1,
    );
  });

  it('gives increasing choropleth thresholds', () => {
    expect(choroplethSteps([1, 2, 80])).toEqual([1, 10, 20, 40]);
    expect(choroplethSteps([1])).toEqual([1]);
  });

  it('colours a count by the choropleth step it reaches, none for no project', () => {
    const steps = choroplethSteps([40, 12, 1]);
    expect(steps).toEqual([1, 5, 10, 20]);
    expect([0, 1, 5, 12, 40].map((n) => choroplethColor(n, steps))).toEqual([
      '#f4f6f8',
      '#d6e6ef',
      '#a9cbdc',
      '#6fa5c0',
      '#2f7397',
    ]);
  });
});
