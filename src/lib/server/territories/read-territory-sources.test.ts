import { beforeAll, describe, expect, it } from 'vitest';
import { readTerritorySources, type TerritorySources } from './read-territory-sources.ts';

describe('readTerritorySources', () => {
  let sources: TerritorySources;
  beforeAll(async () => {
    sources = await readTerritorySources();
  });

  it('keeps the 101 départements and 18 régions, without the overseas collectivities', () => {
    expect(sources.departements).toHaveLength(101);
    expect(sources.regions).toHaveLength(18);
    expect(sources.report.overseasCollectivityCommunesLeftOut).toBe(94);
    expect(sources.communes.filter((c) => c.kind === 'commune-actuelle')).toHaveLength(34_875);
  });

  it('gives every commune a centroid, La Poste’s whenever it has one', () => {
    expect(sources.report.communesWithoutCentroid).toEqual([]);
    expect(sources.report.centroids.laPoste).toBeGreaterThan(34_900);
    // Only Monaco is in La Poste's file without being a French commune, now or formerly.
    expect(sources.report.unmatchedLaPosteCodes).toEqual(['99138']);
  });

  it('gives a delegated commune its own postal code from La Poste’s Ligne_5', () => {
    const byCode = new Map(sources.communes.map((c) => [c.inseeCode, c]));
    // Valserhône has one postal code; Cherbourg-en-Cotentin six, Querqueville only 50460.
    expect(byCode.get('50416')).toMatchObject({
      name: 'Querqueville',
      kind: 'commune-deleguee',
      parentInseeCode: '50129',
      postalCodes: ['50460'],
      epciCode: byCode.get('50129')?.epciCode,
    });
  });

  it('sums populations of current communes only (not arrondissements twice)', () => {
    const paris = sources.departements.find((d) => d.code === '75');
    const commune = sources.communes.find((c) => c.inseeCode === '75056');
    expect(paris?.population).toBe(commune?.population);
    const total = sources.regions.reduce((sum, r) => sum + (r.population ?? 0), 0);
    expect(total).toBeGreaterThan(67_000_000);
  });
});
