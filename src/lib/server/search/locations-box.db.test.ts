import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { BOX_SHARE_SQL } from './box-share.query.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { MATCH_SHAPES } from './search-projects.query.ts';
import { searchFacets, searchProjects } from './search-projects.ts';

/**
 * project.locations_box (migration 0012): the box of a project's located locations, kept by the
 * statement-level triggers on project_location, and the map box filter that reads it.
 */
describe('locations box', () => {
  let db: Database;
  const boxOf = async (publicId: string) => {
    const [row] = await db.query<{ box: string | null }>(
      `SELECT locations_box::text AS box FROM project WHERE public_id = $1`,
      [publicId],
    );
    return row?.box ?? null;
  };
  const search = (query: string) => searchProjects(db, parseSearchParams(new URLSearchParams(query)));
  const publicIds = async (query: string) => {
    const result = await search(`${query}&per_page=100&sort=name`);
    return result.items.map((item) => item.id);
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.exec(`
      INSERT INTO partner (slug, name) VALUES ('alpha', 'Alpha');
      INSERT INTO source (partner_id, slug, name, kind) SELECT id, 'alpha-fichier', 'Alpha', 'file' FROM partner;
      INSERT INTO project (public_id, slug, name, summary, licence, first_seen_at, last_seen_at)
      VALUES ('lyon-marseille', 'lyon-marseille', 'Épicerie à Paris et Marseille', 'Une épicerie', 'CC0', now(), now()),
             ('lyon', 'lyon', 'Épicerie lyonnaise', 'Une épicerie', 'CC0', now(), now()),
             ('nowhere', 'nowhere', 'Épicerie sans lieu', 'Une épicerie', 'CC0', now(), now());
      INSERT INTO raw_record (source_id, stable_key, content_hash, fields, first_seen_at, last_seen_at, changed_at)
      SELECT s.id, p.public_id, p.public_id, '{}', now(), now(), now() FROM source s, project p;
      INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, licence, first_seen_at, last_seen_at)
      SELECT p.id, r.id, r.source_id, s.partner_id, 'CC0', now(), now()
      FROM raw_record r JOIN source s ON s.id = r.source_id JOIN project p ON p.public_id = r.stable_key;
      -- Paris (2.35, 48.86) and Marseille (5.37, 43.30): their box spans Lyon (4.83, 45.76).
      INSERT INTO project_location (project_id, position, latitude, longitude, precision)
      SELECT id, 0, 48.86, 2.35, 'address' FROM project WHERE public_id = 'lyon-marseille'
      UNION ALL SELECT id, 1, 43.30, 5.37, 'address' FROM project WHERE public_id = 'lyon-marseille'
      UNION ALL SELECT id, 0, 45.76, 4.83, 'address' FROM project WHERE public_id = 'lyon'
      UNION ALL SELECT id, 0, NULL, NULL, 'unknown' FROM project WHERE public_id = 'nowhere';
    `);
  });
  afterAll(() => db.close());

  it('holds every located location of a project, and nothing for a project without coordinates', async () => {
    expect(await boxOf('lyon-marseille')).toBe('(5.37,48.86),(2.35,43.3)');
    expect(await boxOf('lyon')).toBe('(4.83,45.76),(4.83,45.76)');
    expect(await boxOf('nowhere')).toBeNull();
  });

  it('finds a project when one of its locations is in the map box, not when only its box overlaps', async () => {
    // Around Marseille: the second location of lyon-marseille.
    expect(await publicIds('bbox=5.2,43.2,5.5,43.4')).toEqual(['lyon-marseille']);
    // Around Lyon: inside lyon-marseille's box, but none of its locations is there.
    expect(await publicIds('bbox=4.7,45.7,4.9,45.8')).toEqual(['lyon']);
    expect(await publicIds('q=epicerie&bbox=4.7,45.7,4.9,45.8')).toEqual(['lyon']);
    // The same however the matches are found (MATCH_SHAPES).
    const queries = ['bbox=4.7,45.7,4.9,45.8', 'q=epicerie&bbox=4.7,45.7,4.9,45.8', 'bbox=5.2,43.2,5.5,43.4'];
    for (const query of queries) {
      for (const shape of MATCH_SHAPES) {
        const params = parseSearchParams(new URLSearchParams(`${query}&per_page=100&sort=name`));
        const found = await searchProjects(db, params, { shape: { matches: shape, walkNameMatches: true } });
        expect(found.items.map((item) => item.id)).toEqual(await publicIds(query));
        const counted = await searchFacets(db, params, { shape });
        expect(counted.partner).toEqual([expect.objectContaining({ code: 'alpha', count: 1 })]);
      }
    }
    const facets = await searchFacets(db, parseSearchParams(new URLSearchParams('bbox=4.7,45.7,4.9,45.8')));
    expect(facets.partner).toEqual([expect.objectContaining({ code: 'alpha', count: 1 })]);
  });

  it('estimates the share of locations in a box from a sample, once the table is big enough', async () => {
    const share = async () =>
      (await db.query<{ share: number | null }>(BOX_SHARE_SQL, [4.7, 45.7, 4.9, 45.8]))[0]?.share ?? null;
    expect(await share()).toBeNull();
    // 20,000 locations, every other one around Lyon.
    await db.exec(`
      INSERT INTO project (public_id, slug, name, licence, first_seen_at, last_seen_at, published)
      VALUES ('many', 'many', 'Many places', 'CC0', now(), now(), false);
      INSERT INTO project_location (project_id, position, latitude, longitude, precision)
      SELECT (SELECT id FROM project WHERE public_id = 'many'), g,
             CASE WHEN g % 2 = 0 THEN 45.75 ELSE 48.86 END, CASE WHEN g % 2 = 0 THEN 4.8 ELSE 2.35 END, 'address'
      FROM generate_series(1, 20000) AS g;
    `);
    expect(await share()).toBeCloseTo(0.5, 1);
    await db.exec(`DELETE FROM project WHERE public_id = 'many'`);
  });

  it('follows locations that move, appear and go', async () => {
    await db.exec(`
      UPDATE project_location SET latitude = 45.75, longitude = 4.85
      WHERE position = 1 AND project_id = (SELECT id FROM project WHERE public_id = 'lyon-marseille');
      UPDATE project_location SET latitude = 47.22, longitude = -1.55
      WHERE project_id = (SELECT id FROM project WHERE public_id = 'nowhere');
      DELETE FROM project_location WHERE project_id = (SELECT id FROM project WHERE public_id = 'lyon');
    `);
    expect(await boxOf('lyon-marseille')).toBe('(4.85,48.86),(2.35,45.75)');
    expect(await boxOf('nowhere')).toBe('(-1.55,47.22),(-1.55,47.22)');
    expect(await boxOf('lyon')).toBeNull();
    expect(await publicIds('bbox=4.7,45.7,4.9,45.8')).toEqual(['lyon-marseille']);
    expect(await publicIds('bbox=5.2,43.2,5.5,43.4')).toEqual([]);
  });
});
