import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { searchProjects } from './search-projects.ts';

/**
 * The judged queries over the demo projects: each must find the projects a person expects.
 * Recall is checked here; ranking is checked where it is certain (name matches first).
 */
describe('relevance on the demo projects', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  const search = (query: string) =>
    searchProjects(db, parseSearchParams(new URLSearchParams(`${query}&per_page=100`)));
  const names = async (query: string) => (await search(query)).items.map((p) => p.name);

  it('"epicerie solidaire" finds the épiceries solidaires', async () => {
    const found = await names('q=epicerie%20solidaire');
    expect(found).toEqual(
      expect.arrayContaining([
        "AGORAé - Espaces d'échanges et de solidarité",
        'Uniterres agriculture et alimentation au coeur',
      ]),
    );
  });

  it('"numerique" finds "numérique"', async () => {
    expect(await names('q=numerique')).toContain('Formations numériques et inclusives');
  });

  it('"jeune" finds "jeunesse" and "jeunes"', async () => {
    const found = await names('q=jeune');
    expect(found).toContain('Les coopératives jeunesse de services (CJS)');
    expect(found).toContain('Rêve & Réalite : la jeunesse des quartiers s’engage');
    expect(found.length).toBeGreaterThanOrEqual(22);
  });

  it.each([
    ['cravatte', 'La Cravate Solidaire'],
    ['cravte', 'La Cravate Solidaire'],
    ['Cravate soldiaire', 'La Cravate Solidaire'],
    ['reconect', 'Reconnect - Le Cloud Solidaire'],
  ])('a one-letter typo still finds the project: %s', async (q, name) => {
    expect((await names(`q=${encodeURIComponent(q)}`))[0]).toBe(name);
  });

  it('a commune name finds the projects located there', async () => {
    const found = await search('q=Montreuil');
    const there = await search('commune=93048');
    expect(there.total).toBeGreaterThanOrEqual(6);
    expect(found.items.map((p) => p.id)).toEqual(expect.arrayContaining(there.items.map((p) => p.id)));
    expect(await names('q=auneau')).toContain('La Cravate Solidaire');
  });

  it('matches the start of the last word as it is typed', async () => {
    expect(await names('q=crav')).toContain('La Cravate Solidaire');
    expect(await names('q=la%20cravate%20soli')).toContain('La Cravate Solidaire');
  });

  it('uses synonyms both ways', async () => {
    const ess = await search('q=ESS');
    const long = await search('q=%C3%A9conomie%20sociale%20et%20solidaire');
    expect(ess.total).toBeGreaterThan(0);
    expect(long.total).toBeGreaterThan(0);
    // The long form also finds its words apart; every "ESS" project is found by it.
    expect(long.items.map((p) => p.id)).toEqual(expect.arrayContaining(ess.items.map((p) => p.id)));
  });

  it('understands "phrases" and -exclusions', async () => {
    const phrase = await search('q=%22cravate%20solidaire%22');
    expect(phrase.items.map((p) => p.name)).toEqual(['La Cravate Solidaire']);
    const words = await search('q=solidaire');
    const without = await search('q=solidaire%20-cravate');
    expect(without.total).toBe(words.total - 1);
    expect(without.items.map((p) => p.name)).not.toContain('La Cravate Solidaire');
  });

  it('suggests a spelling when nothing matches, and highlights matches safely', async () => {
    const none = await search('q=cravtea');
    expect(none.total).toBe(0);
    expect(none.didYouMean).toBe('cravate');
    const [hit] = (await search('q=cravate')).items;
    expect(hit?.snippetHtml).toMatch(/<mark>[Cc]ravate/);
    expect(hit?.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });
});
