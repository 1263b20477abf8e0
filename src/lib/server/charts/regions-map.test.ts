import { describe, expect, it } from 'vitest';
import { renderRegionsPageMap } from './regions-map.ts';

const region = (code: string, name: string, slug: string, per100k: number) => ({
  code,
  name,
  slug,
  path: `/territoires/${slug}`,
  population: 1_000_000,
  projects: per100k * 10,
  per100k,
});

describe('renderRegionsPageMap', () => {
  it('links each région, overseas insets included, to its page with its figure as tooltip', () => {
    const svg = renderRegionsPageMap([
      region('11', 'Île-de-France', 'ile-de-france', 2.5),
      region('04', 'La Réunion', 'la-reunion', 1),
    ]);
    expect(svg).toContain(
      '<a href="/territoires/ile-de-france" aria-label="Île-de-France : 2,5 projets pour 100 000 habitants"',
    );
    expect(svg).toContain('<a href="/territoires/la-reunion"');
    // Régions without figures are drawn, but lead nowhere.
    expect(svg).not.toContain('href="/territoires/undefined"');
    expect((svg.match(/<a href=/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('leads to the English pages in English', () => {
    const svg = renderRegionsPageMap([region('11', 'Île-de-France', 'ile-de-france', 2.5)], 'en');
    expect(svg).toContain(
      '<a href="/en/territoires/ile-de-france" aria-label="Île-de-France: 2.5 projects per 100,000 inhabitants"',
    );
  });
});
