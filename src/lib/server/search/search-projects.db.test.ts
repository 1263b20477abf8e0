import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import type { Database } from '../platform/db/database.ts';
import { getHomeData } from '../projects/get-home-data.ts';
import { getProjectPage } from '../projects/get-project-page.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { getSearchOptions } from './search-options.ts';
import { searchProjects } from './search-projects.ts';

describe('searchProjects on the demo projects', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  const search = (query: string) => searchProjects(db, parseSearchParams(new URLSearchParams(query)));
  const names = async (query: string) => (await search(query)).items.map((p) => p.name);

  it('lists every published project without a query, newest first, with a total', async () => {
    const result = await search('per_page=10');
    expect(result.total).toBe(150);
    expect(result.items).toHaveLength(10);
    expect(result.pageCount).toBe(15);
  });

  it('finds words without their accents, and plurals', async () => {
    const withAccent = await search('q=numérique&per_page=100');
    const without = await search('q=numerique&per_page=100');
    expect(without.total).toBeGreaterThan(0);
    expect(without.items.map((p) => p.id)).toEqual(withAccent.items.map((p) => p.id));
    const plural = await search('q=solidaires&per_page=100');
    const singular = await search('q=solidaire&per_page=100');
    expect(plural.total).toBe(singular.total);
  });

  it('ranks name matches first', async () => {
    const [first] = await names('q=cravate');
    expect(first).toBe('La Cravate Solidaire');
  });

  it('credits the partner on every result, with the link to its page', async () => {
    const result = await search('q=solidaire');
    expect(result.total).toBeGreaterThan(5);
    for (const item of result.items) {
      expect(item.credits).toHaveLength(1);
      expect(item.credits[0]?.partner).toMatchObject({ slug: DEMO_PARTNER.slug, name: DEMO_PARTNER.name });
      expect(item.credits[0]?.sourceUrl).toMatch(/^https:\/\/fondationlafrancesengage\.org\//);
      expect(item.credits[0]?.licence).toBe('CC-BY-SA-4.0');
    }
  });

  it('filters by theme or sub-theme', async () => {
    const emp = await search('theme=EMP&per_page=100');
    expect(emp.total).toBeGreaterThan(0);
    expect(emp.total).toBeLessThan(150);
    for (const item of emp.items) expect(item.themes.map((t) => t.code)).toContain('EMP');
    const sub = await search('theme=ACE&per_page=100');
    expect(sub.items.map((p) => p.name)).toContain('La Cravate Solidaire');
  });

  it('filters by région and by département', async () => {
    const idf = await search('region=11&per_page=100');
    expect(idf.total).toBeGreaterThan(10);
    for (const item of idf.items) expect(item.region?.code).toBe('11');
    const rhone = await search('departement=69&per_page=100');
    expect(rhone.total).toBeGreaterThan(0);
    for (const item of rhone.items) expect(item.departement).toEqual({ code: '69', name: 'Rhône' });
    const both = await search('q=solidaire&region=11');
    expect(both.total).toBeLessThanOrEqual(idf.total);
  });

  it('pages through results without repeating any', async () => {
    const first = await search('q=jeunes&per_page=5');
    const second = await search('q=jeunes&per_page=5&page=2');
    expect(first.total).toBe(second.total);
    const overlap = first.items.filter((a) => second.items.some((b) => b.id === a.id));
    expect(overlap).toEqual([]);
    const beyond = await search('q=jeunes&per_page=5&page=999');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it('finds nothing for unknown words and survives stop words only', async () => {
    expect((await search('q=zzzzqqqq')).total).toBe(0);
    expect((await search('q=le%20la%20les%20des')).total).toBe(0);
    // "les" is not a PostgreSQL French stop word: it must not be required.
    expect((await search('q=les%20jeunes')).total).toBe((await search('q=jeunes')).total);
  });

  it('handles phrases and exclusions', async () => {
    const all = await search('q=emploi&per_page=100');
    const excluded = await search('q=emploi%20-jeunes&per_page=100');
    expect(excluded.total).toBeLessThan(all.total);
  });

  it('gives a project page with locations, themes and credits', async () => {
    const [card] = (await search('q=cravate')).items;
    const page = await getProjectPage(db, card?.slug ?? '');
    expect(page).toMatchObject({
      name: 'La Cravate Solidaire',
      website: 'http://lacravatesolidaire.org/',
      locations: [{ city: 'Auneau', postalCode: '28700', departement: { code: '28', name: 'Eure-et-Loir' } }],
      licences: ['CC-BY-SA-4.0'],
    });
    expect(page?.themes.map((t) => t.code)).toEqual(['EMP', 'SOL']);
    expect(await getProjectPage(db, 'no-such-project')).toBeNull();
  });

  it('gives home figures and search options', async () => {
    const home = await getHomeData(db);
    expect(home.figures.projects).toBe(150);
    expect(home.figures.partners).toBe(1);
    expect(home.latest).toHaveLength(6);
    expect(home.themes.find((t) => t.code === 'EMP')?.count).toBeGreaterThan(0);
    const options = await getSearchOptions(db);
    expect(options.themes).toHaveLength(16);
    expect(options.themes.find((t) => t.code === 'EMP')?.children.map((c) => c.code)).toEqual([
      'ACE',
      'FOR',
      'ORG',
    ]);
    expect(options.regions).toHaveLength(18);
  });

  it('hides the projects of a suspended partner', async () => {
    await db.query(`UPDATE partner SET status = 'suspended' WHERE slug = $1`, [DEMO_PARTNER.slug]);
    try {
      expect((await search('')).total).toBe(0);
      expect((await getHomeData(db)).figures.projects).toBe(0);
    } finally {
      await db.query(`UPDATE partner SET status = 'active' WHERE slug = $1`, [DEMO_PARTNER.slug]);
    }
    expect((await search('')).total).toBe(150);
  });
});
