import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { loadGeocoder } from './geocoder.ts';
import { loadTerritories, type TerritoryCounts } from './load-territories.ts';
import { readTerritorySources, type TerritorySources } from './read-territory-sources.ts';

/** Every row with its xmin: any rewrite of a row, even to the same values, changes it. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = { region: 'code', departement: 'code', epci: 'code', commune: 'insee_code' };
  const result: Record<string, string> = {};
  for (const [table, key] of Object.entries(tables)) {
    const [row] = await db.query<{ md5: string }>(
      `SELECT md5(string_agg(t.xmin::text || ':' || t::text, '|' ORDER BY t.${key})) AS md5 FROM ${table} t`,
    );
    result[table] = row?.md5 ?? '';
  }
  return result;
}

describe('loadTerritories', () => {
  let db: Database;
  let sources: TerritorySources;
  let counts: TerritoryCounts;
  beforeAll(async () => {
    db = await openTestDatabase();
    sources = await readTerritorySources();
    counts = await db.transaction((tx) => loadTerritories(tx, sources));
  });
  afterAll(() => db.close());

  it('loads every région, département, EPCI and commune', async () => {
    expect(counts.communes).toBeGreaterThan(34_000);
    expect(counts).toMatchObject({ regions: 18, departements: 101 });
    const [tables] = await db.query<{
      regions: number;
      departements: number;
      epci: number;
      communes: number;
    }>(
      `SELECT (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM departement) AS departements,
              (SELECT count(*)::int FROM epci) AS epci, (SELECT count(*)::int FROM commune) AS communes`,
    );
    expect(tables).toEqual(counts);
    const departements = await db.query<{ code: string }>(
      `SELECT code FROM departement WHERE code IN ('2A', '2B', '971', '972', '973', '974', '976') ORDER BY code`,
    );
    expect(departements.map((d) => d.code)).toEqual(['2A', '2B', '971', '972', '973', '974', '976']);
  });

  it('stores communes with their links, postal codes, population and centroid', async () => {
    const [paris11] = await db.query(
      `SELECT name, kind, parent_insee_code, departement_code, region_code, epci_code, postal_codes, population,
              latitude, longitude
         FROM commune WHERE insee_code = '75111'`,
    );
    expect(paris11).toMatchObject({
      name: 'Paris 11e Arrondissement',
      kind: 'arrondissement-municipal',
      parent_insee_code: '75056',
      departement_code: '75',
      region_code: '11',
      epci_code: '200054781',
      postal_codes: ['75011'],
      latitude: expect.closeTo(48.86, 2),
      longitude: expect.closeTo(2.38, 2),
    });
    const [auneau] = await db.query(
      `SELECT delegated_names, former_insee_codes FROM commune WHERE insee_code = '28015'`,
    );
    expect(auneau).toEqual({ delegated_names: ['Auneau'], former_insee_codes: ['28042'] });
    const [ain] = await db.query<{ population: number; sum: number }>(
      `SELECT d.population, (SELECT sum(population)::int FROM commune c
                               WHERE c.departement_code = d.code AND c.kind = 'commune-actuelle') AS sum
         FROM departement d WHERE code = '01'`,
    );
    expect(ain?.population).toBe(ain?.sum);
    expect(ain?.population).toBeGreaterThan(600_000);
  });

  it('changes nothing when loaded twice', async () => {
    const before = await fingerprint(db);
    const again = await db.transaction((tx) => loadTerritories(tx, sources));
    expect(again).toEqual(counts);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('feeds the geocoder', async () => {
    const geocoder = await loadGeocoder(db);
    expect(geocoder.geocode({ postalCode: '28700', city: 'Auneau' })).toMatchObject({
      inseeCode: '28015',
      city: 'Auneau',
      epciCode: '200069953',
      precision: 'commune',
    });
    expect(geocoder.geocode({ postalCode: 75011 }).inseeCode).toBe('75111');
    expect(geocoder.geocode({ departement: '2A' })).toMatchObject({
      departementCode: '2A',
      regionCode: '94',
    });
  });
});
