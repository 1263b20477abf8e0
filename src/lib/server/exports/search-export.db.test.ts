import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { searchedProjects } from './search-export.ts';
import { writeExport } from './write-export.ts';

describe('exports of a search', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  const collect = async <T>(items: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const item of items) out.push(item);
    return out;
  };

  it('exports every match (not a page), in the search order, with credits and licences', async () => {
    const params = parseSearchParams(new URLSearchParams('q=solidaire&per_page=5'));
    const page = await searchProjects(db, { ...params, perPage: 100 });
    const all = await collect(searchedProjects(db, params, 7));
    expect(all.map((p) => p.id)).toEqual(page.items.map((p) => p.id));
    expect(all.length).toBeGreaterThan(5);
    for (const p of all) {
      expect(p.credits[0]?.sourceUrl).toMatch(/^https:/);
      expect(p.licences).toEqual(['CC-BY-SA-4.0']);
    }
  });

  it('writes a filtered search as CSV, JSON and GeoJSON', async () => {
    const params = parseSearchParams(new URLSearchParams('commune=93048'));
    const csv = (await collect(writeExport(searchedProjects(db, params), 'csv', 'https://x.test'))).join('');
    const lines = csv.trim().split('\n');
    expect(lines.length).toBe(1 + (await searchProjects(db, params)).total);
    const json = JSON.parse(
      (await collect(writeExport(searchedProjects(db, params), 'json', 'https://x.test'))).join(''),
    );
    expect(json.length).toBe(lines.length - 1);
    const geo = JSON.parse(
      (await collect(writeExport(searchedProjects(db, params), 'geojson', 'https://x.test'))).join(''),
    );
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0].geometry.type).toBe('Point');
  });
});
