import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { parseFacetSearch, parseSearchParams } from './parse-search-params.ts';
import { cachedSearchWithFacets, readSearchDataVersion, searchWithFacets } from './search-with-facets.ts';

describe('the search result cache', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  const params = () => parseSearchParams(new URLSearchParams('q=cravate'));

  it('answers a repeated search from the cache, as the search itself would', async () => {
    const first = await cachedSearchWithFacets(db, params());
    const again = await cachedSearchWithFacets(db, params());
    expect(again).toBe(first);
    const fresh = await searchWithFacets(db, params());
    expect(first.result.items.map((p) => p.id)).toEqual(fresh.result.items.map((p) => p.id));
    expect(first.facets).toEqual(fresh.facets);
  });

  it('never serves a stale answer: each write to projects changes the data version', async () => {
    const before = await cachedSearchWithFacets(db, params());
    expect(before.result.items.map((p) => p.name)).toContain('La Cravate Solidaire');
    const version = await readSearchDataVersion(db);
    // One statement, many rows: the version changes once (statement-level trigger).
    await db.query(`UPDATE project SET name = name || ' ' WHERE id < 0`);
    const afterEmptyUpdate = await readSearchDataVersion(db);
    expect(afterEmptyUpdate).not.toBe(version);
    await db.query(`UPDATE project SET published = false WHERE name = 'La Cravate Solidaire'`);
    const after = await cachedSearchWithFacets(db, params());
    expect(after).not.toBe(before);
    expect(after.result.items.map((p) => p.name)).not.toContain('La Cravate Solidaire');
    await db.query(`UPDATE project SET published = true WHERE name = 'La Cravate Solidaire'`);
    const restored = await cachedSearchWithFacets(db, params());
    expect(restored.result.items.map((p) => p.name)).toContain('La Cravate Solidaire');
  });

  it('also changes the data version on writes to sources and locations', async () => {
    const v1 = await readSearchDataVersion(db);
    await db.query(`UPDATE project_location SET city = city WHERE project_id < 0`);
    const v2 = await readSearchDataVersion(db);
    await db.query(`UPDATE project_source SET licence = licence WHERE project_id < 0`);
    const v3 = await readSearchDataVersion(db);
    expect(new Set([v1, v2, v3]).size).toBe(3);
  });

  it('searches inside a long facet list, for the current search', async () => {
    const idf = parseSearchParams(new URLSearchParams('region=11&departement=93'));
    const all = await cachedSearchWithFacets(db, idf);
    expect(all.facets.commune.length).toBeGreaterThan(1);
    const within = parseFacetSearch('commune', new URLSearchParams('facet_q=montreuil'));
    const found = await cachedSearchWithFacets(db, idf, new Date(), within);
    expect(found.facets.commune.map((c) => c.label)).toEqual(['Montreuil']);
    expect(found.facets.commune[0]?.count).toBe(all.facets.commune.find((c) => c.code === '93048')?.count);
    // Accents and case are ignored; the other facets are untouched.
    const accents = parseFacetSearch('departement', new URLSearchParams('facet_q=SEINE-SAINT-DENIS'));
    const dept = await cachedSearchWithFacets(db, idf, new Date(), accents);
    expect(dept.facets.departement.map((d) => d.code)).toEqual(['93']);
    expect(dept.facets.region).toEqual(all.facets.region);
    const none = parseFacetSearch('commune', new URLSearchParams('facet_q=zzzz'));
    expect((await cachedSearchWithFacets(db, idf, new Date(), none)).facets.commune).toEqual([]);
  });
});
