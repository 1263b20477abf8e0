import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { getStatistics } from '../opendata/open-data.ts';
import type { Database } from '../platform/db/database.ts';
import { getHomeData } from '../projects/get-home-data.ts';
import { getProjectPage } from '../projects/get-project-page.ts';
import { matchingProjectIds } from './matching-project-ids.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { getSearchOptions } from './search-options.ts';
import {
  searchFacetCounts,
  searchFacets,
  searchProjects,
  searchProjectsWithSample,
} from './search-projects.ts';

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

  const ids = async (query: string) => (await search(`${query}&per_page=100`)).items.map((p) => p.id);

  it('filters by EPCI and commune, a radius around a point and a map box', async () => {
    const montreuil = await search('commune=93048&per_page=100');
    expect(montreuil.total).toBeGreaterThanOrEqual(6);
    for (const item of montreuil.items) expect(item.departement?.code).toBe('93');
    const estEnsemble = await search('epci=200054781&per_page=100');
    expect(estEnsemble.total).toBeGreaterThanOrEqual(montreuil.total);
    expect(await ids('commune=93048&departement=75')).toEqual([]);
    // Around Montreuil town hall (48.8638, 2.4485), nearest first.
    const near = await search('lat=48.8638&lon=2.4485&radius=2&sort=distance&per_page=100');
    expect(near.total).toBeGreaterThanOrEqual(6);
    const km = near.items.map((p) => p.distanceKm ?? Number.NaN);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(Math.max(...km)).toBeLessThanOrEqual(2);
    // A box around that 2 km circle holds every project of the circle.
    const box = await search('bbox=2.38,48.83,2.52,48.90&per_page=100');
    expect(box.items.map((p) => p.id)).toEqual(expect.arrayContaining(near.items.map((p) => p.id)));
    expect(await ids('bbox=-5,40,-4,41')).toEqual([]);
  });

  it('filters by public and partner', async () => {
    const [cravate] = (await search('q=cravate')).items;
    await db.query(`UPDATE project SET publics = '{JEU}' WHERE public_id = $1`, [cravate?.id]);
    try {
      expect((await search('public=JEU')).items.map((p) => p.name)).toEqual(['La Cravate Solidaire']);
      const facets = await searchFacets(db, parseSearchParams(new URLSearchParams('public=JEU')));
      expect(facets.public).toEqual([expect.objectContaining({ code: 'JEU', count: 1, selected: true })]);
    } finally {
      await db.query(`UPDATE project SET publics = '{}' WHERE public_id = $1`, [cravate?.id]);
    }
    expect((await search(`partner=${DEMO_PARTNER.slug}`)).total).toBe(150);
    expect((await search('partner=nobody')).total).toBe(0);
  });

  it('keeps only projects seen at their source in the last 12 months', async () => {
    expect((await search('fresh=true')).total).toBe(150);
    const [cravate] = (await search('q=cravate')).items;
    await db.query(
      `UPDATE project_source SET last_seen_at = now() - interval '2 years'
       WHERE project_id = (SELECT id FROM project WHERE public_id = $1)`,
      [cravate?.id],
    );
    expect((await search('fresh=true')).total).toBe(149);
    expect((await search('fresh=true&q=cravate')).total).toBe(0);
    await db.query(
      `UPDATE project_source SET last_seen_at = now() WHERE project_id = (SELECT id FROM project WHERE public_id = $1)`,
      [cravate?.id],
    );
  });

  it('sorts by name and by newest, and pages with an opaque cursor', async () => {
    const byName = (await search('sort=name&per_page=100')).items.map((p) => p.name.toLowerCase());
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const first = await search('q=solidaire&per_page=4');
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await search(`q=solidaire&per_page=4&cursor=${first.nextCursor}`);
    const paged = await search('q=solidaire&per_page=4&page=2');
    expect(second.items.map((p) => p.id)).toEqual(paged.items.map((p) => p.id));
    const all = await search('q=solidaire&per_page=100');
    expect(all.nextCursor).toBeNull();
  });

  it('stops counting past a threshold and estimates the total from the ids the matches span', async () => {
    const params = parseSearchParams(new URLSearchParams('per_page=5'));
    const capped = await searchProjects(db, params, { countLimit: 20 });
    expect(capped.totalExact).toBe(false);
    // 150 published projects: the 20 newest span about 20/150 of the ids.
    expect(capped.total).toBeGreaterThan(100);
    expect(capped.total).toBeLessThan(220);
    expect(capped.items).toHaveLength(5);
    // The newest sort stays exact past the threshold.
    const exact = await searchProjects(db, params);
    expect(exact.totalExact).toBe(true);
    expect(capped.items.map((p) => p.id)).toEqual(exact.items.map((p) => p.id));
    // Facets are scaled up the same way.
    const facets = await searchFacets(db, params, { countLimit: 20 });
    const partnerCount = facets.partner[0]?.count ?? 0;
    expect(partnerCount).toBeGreaterThan(100);
    expect(partnerCount).toBeLessThan(220);
  });

  it('counts facets on the search own sample of matches when it has no facet filter', async () => {
    for (const query of ['q=solidaire', 'per_page=5', 'q=solidaire&bbox=-5,41,10,52', 'q=zzzz']) {
      const params = parseSearchParams(new URLSearchParams(query));
      for (const countLimit of [30, 300]) {
        const { sample } = await searchProjectsWithSample(db, params, { countLimit });
        expect(sample).not.toBeNull();
        const shared = await searchFacetCounts(db, params, { countLimit, sample });
        expect(shared, `${query} counted up to ${countLimit}`).toEqual(
          await searchFacetCounts(db, params, { countLimit }),
        );
      }
    }
    // The sample is what is counted (so the comparison above compared the two ways)...
    const all = parseSearchParams(new URLSearchParams(''));
    expect((await searchFacetCounts(db, all, { sample: [] })).facets.partner).toEqual([]);
    // ...unless a facet filter is set: facets then count other matches than the search.
    const themed = parseSearchParams(new URLSearchParams('theme=EMP'));
    expect((await searchFacetCounts(db, themed, { sample: [] })).facets.partner).not.toEqual([]);
    // A later page past the threshold asks for more matches: no shared sample.
    const later = parseSearchParams(new URLSearchParams('per_page=10&page=3'));
    expect((await searchProjectsWithSample(db, later, { countLimit: 20 })).sample).toBeNull();
  });

  it('says when facet counts are estimated, even when the total is exact', async () => {
    // Facets count the matches without their own filters: a small theme's total stays exact
    // while its facets sample the matches of every theme.
    const [small] = await db.query<{ code: string }>(
      `SELECT c AS code FROM project, unnest(themes) AS c WHERE published
       GROUP BY c HAVING count(*) BETWEEN 2 AND 15 ORDER BY c LIMIT 1`,
    );
    const params = parseSearchParams(new URLSearchParams(`theme=${small?.code}&per_page=5`));
    const result = await searchProjects(db, params, { countLimit: 20 });
    expect(result.totalExact).toBe(true);
    expect((await searchFacetCounts(db, params, { countLimit: 20 })).exact).toBe(false);
    expect((await searchFacetCounts(db, params)).exact).toBe(true);
  });

  it('filters and counts by maturity stage, in results, facets, exports and statistics', async () => {
    await db.query(`UPDATE project SET maturity = NULL`);
    await db.query(
      `UPDATE project SET maturity = CASE WHEN id % 3 = 0 THEN 'scaling' WHEN id % 3 = 1 THEN 'launch' END
       WHERE published`,
    );
    const [expected] = await db.query<{ scaling: number; launch: number }>(
      `SELECT count(*) FILTER (WHERE maturity = 'scaling')::int AS scaling,
              count(*) FILTER (WHERE maturity = 'launch')::int AS launch
       FROM project WHERE published AND cardinality(public_partners) > 0`,
    );
    const scaling = await search('stage=scaling&per_page=100');
    expect(scaling.total).toBe(expected?.scaling);
    const either = await search('stage=scaling,launch&per_page=5');
    expect(either.total).toBe((expected?.scaling ?? 0) + (expected?.launch ?? 0));
    const ids = await matchingProjectIds(db, parseSearchParams(new URLSearchParams('stage=scaling')), 1000);
    expect(ids).toHaveLength(expected?.scaling ?? -1);
    // The stage facet leaves out its own selection (disjunctive), the others follow it.
    const facets = await searchFacets(db, parseSearchParams(new URLSearchParams('stage=scaling')));
    expect(facets.stage).toHaveLength(2);
    expect(facets.stage).toEqual(
      expect.arrayContaining([
        { code: 'scaling', label: 'Changement d’échelle', count: expected?.scaling, selected: true },
        { code: 'launch', label: 'Lancement', count: expected?.launch, selected: false },
      ]),
    );
    expect(facets.partner[0]?.count).toBe(expected?.scaling);
    const stats = await getStatistics(db, parseSearchParams(new URLSearchParams('stage=launch')), [
      'partner',
    ]);
    expect(stats.reduce((n, r) => n + r.projects, 0)).toBe(expected?.launch);
    await db.query(`UPDATE project SET maturity = NULL`);
  });

  it('counts facets for the current search, disjunctively', async () => {
    const facetsOf = (query: string) => searchFacets(db, parseSearchParams(new URLSearchParams(query)));
    const all = await facetsOf('q=solidaire');
    const total = (await search('q=solidaire')).total;
    const sumRegions = all.region.reduce((n, v) => n + v.count, 0);
    expect(sumRegions).toBeGreaterThanOrEqual(total);
    expect(all.partner).toEqual([expect.objectContaining({ code: DEMO_PARTNER.slug, count: total })]);
    expect(all.departement.length).toBeGreaterThan(3);
    expect(all.commune).toEqual([]);
    // Selecting a theme keeps the other themes' counts, and narrows the other facets.
    const emp = await facetsOf('q=solidaire&theme=EMP');
    expect(emp.theme).toEqual(all.theme.map((v) => ({ ...v, selected: v.code === 'EMP' })));
    const empTotal = (await search('q=solidaire&theme=EMP')).total;
    expect(emp.partner[0]?.count).toBe(empTotal);
    // The territory hierarchy: départements of the selected région, communes of the département.
    const idf = await facetsOf('region=11');
    expect(idf.region.find((r) => r.code === '11')).toMatchObject({ selected: true, label: 'Île-de-France' });
    expect(idf.region.length).toBeGreaterThan(5);
    for (const d of idf.departement)
      expect(['75', '77', '78', '91', '92', '93', '94', '95']).toContain(d.code);
    const seineSaintDenis = await facetsOf('region=11&departement=93');
    expect(seineSaintDenis.epci.map((e) => e.code)).toContain('200054781');
    expect(seineSaintDenis.commune.find((c) => c.code === '93048')).toMatchObject({ label: 'Montreuil' });
    // A search inside a long facet list.
    const within = await searchFacets(db, parseSearchParams(new URLSearchParams('')), {
      within: { facet: 'departement', text: 'rhone' },
    });
    expect(within.departement.map((d) => d.label)).toEqual(expect.arrayContaining(['Rhône']));
    for (const d of within.departement) expect(d.label.toLowerCase()).toMatch(/rh[oô]ne/);
  });
});
