import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';

/**
 * The statement-level triggers of migration 0007 keep the word dictionary, territory codes and
 * public credits right after every statement: each check compares them with the same data
 * recomputed from scratch, after multi-row inserts, updates and deletes.
 */
const DICTIONARY_FROM_SCRATCH = `
SELECT w AS word, count(*)::int AS ndoc
FROM project p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
GROUP BY w ORDER BY w`;

const DERIVED_FROM_SCRATCH = `
SELECT p.id, p.territory_codes AS codes, tadata_territory_codes(p.id) AS "expectedCodes",
       p.public_partners AS partners,
       coalesce((SELECT array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug)
                 FROM public_project_source s WHERE s.project_id = p.id), '{}') AS "expectedPartners",
       p.public_last_seen_at AS "lastSeen",
       (SELECT max(s.last_seen_at) FROM public_project_source s WHERE s.project_id = p.id) AS "expectedLastSeen"
FROM project p ORDER BY p.id`;

describe('search upkeep (statement-level triggers)', () => {
  let db: Database;

  async function expectConsistent(): Promise<void> {
    const dictionary = await db.query(`SELECT word, ndoc FROM search_word ORDER BY word`);
    expect(dictionary).toEqual(await db.query(DICTIONARY_FROM_SCRATCH));
    for (const row of await db.query<Record<string, unknown>>(DERIVED_FROM_SCRATCH)) {
      expect(row.codes, `territory codes of project ${row.id}`).toEqual(row.expectedCodes);
      expect(row.partners, `public partners of project ${row.id}`).toEqual(row.expectedPartners);
      expect(row.lastSeen, `public last seen of project ${row.id}`).toEqual(row.expectedLastSeen);
    }
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.exec(`
      INSERT INTO partner (slug, name) VALUES ('alpha', 'Alpha'), ('beta', 'Beta');
      INSERT INTO source (partner_id, slug, name, kind)
      SELECT id, slug || '-fichier', name, 'file' FROM partner;
    `);
  });
  afterAll(() => db.close());

  it('counts each word once per project on multi-row inserts', async () => {
    await db.exec(`
      INSERT INTO project (public_id, slug, name, carrier, summary, keywords, licence, first_seen_at, last_seen_at)
      VALUES ('p1', 'p1', 'Épicerie solidaire', 'Association Entraide', 'Une épicerie pour tous', 'lyon', 'CC0', now(), now()),
             ('p2', 'p2', 'Jardin partagé', 'Association Entraide', 'Un jardin solidaire', 'paris', 'CC0', now(), now()),
             ('p3', 'p3', 'Atelier vélo', NULL, NULL, '', 'CC0', now(), now());
    `);
    const [word] = await db.query<{ ndoc: number }>(`SELECT ndoc FROM search_word WHERE word = 'solidaire'`);
    expect(word?.ndoc).toBe(2);
    await expectConsistent();
  });

  it('follows text updates, leaves other updates alone, and drops words nobody uses', async () => {
    await db.exec(`
      UPDATE project SET summary = 'Un potager de quartier' WHERE public_id = 'p2';
      UPDATE project SET published = false WHERE public_id = 'p1';
      UPDATE project SET name = 'Atelier de réparation', carrier = 'Collectif Roue' WHERE public_id = 'p3';
    `);
    expect(await db.query(`SELECT 1 FROM search_word WHERE word = 'velo'`)).toEqual([]);
    const [word] = await db.query<{ ndoc: number }>(`SELECT ndoc FROM search_word WHERE word = 'solidaire'`);
    expect(word?.ndoc).toBe(1);
    await expectConsistent();
  });

  it('keeps territory codes and public credits in step with locations, sources and partners', async () => {
    await db.exec(`
      INSERT INTO raw_record (source_id, stable_key, content_hash, fields, first_seen_at, last_seen_at, changed_at)
      SELECT s.id, k, k, '{}', now(), ('2026-01-0' || right(k, 1) || 'T00:00:00Z')::timestamptz, now()
      FROM source s, (VALUES ('k1'), ('k2'), ('k3')) AS v (k);
      INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, licence, first_seen_at, last_seen_at)
      SELECT p.id, r.id, r.source_id, s.partner_id, 'CC0', r.first_seen_at, r.last_seen_at
      FROM raw_record r JOIN source s ON s.id = r.source_id
      JOIN project p ON p.public_id = 'p' || right(r.stable_key, 1);
      INSERT INTO project_location (project_id, position, region_code, departement_code, insee_code, precision)
      SELECT id, 0, '84', '69', '69123', 'commune' FROM project;
      INSERT INTO project_location (project_id, position, region_code, departement_code, precision)
      SELECT id, 1, '11', '75', 'departement' FROM project WHERE public_id = 'p2';
    `);
    const [p2] = await db.query<{ territory_codes: string[]; public_partners: string[] }>(
      `SELECT territory_codes, public_partners FROM project WHERE public_id = 'p2'`,
    );
    expect(p2?.territory_codes).toEqual(['C:69123', 'D:69', 'D:75', 'R:11', 'R:84']);
    expect(p2?.public_partners).toEqual(['alpha', 'beta']);
    await expectConsistent();

    await db.exec(`
      UPDATE project_location SET departement_code = '01' WHERE position = 0;
      DELETE FROM project_location WHERE position = 1;
      UPDATE raw_record SET gone_at = now() WHERE stable_key = 'k1' AND source_id = (SELECT min(id) FROM source);
      UPDATE raw_record SET last_seen_at = '2026-03-01T00:00:00Z' WHERE stable_key = 'k2';
      UPDATE partner SET status = 'suspended' WHERE slug = 'beta';
      UPDATE partner SET slug = 'alpha-2' WHERE slug = 'alpha';
    `);
    const [after] = await db.query<{ territory_codes: string[]; public_partners: string[] }>(
      `SELECT territory_codes, public_partners FROM project WHERE public_id = 'p2'`,
    );
    expect(after?.territory_codes).toEqual(['C:69123', 'D:01', 'R:84']);
    expect(after?.public_partners).toEqual(['alpha-2']);
    await expectConsistent();
  });

  it('moves credits with merged sources and forgets deleted projects', async () => {
    await db.exec(`
      UPDATE project_source SET project_id = (SELECT id FROM project WHERE public_id = 'p1')
      WHERE project_id = (SELECT id FROM project WHERE public_id = 'p3');
      DELETE FROM project WHERE public_id IN ('p2', 'p3');
    `);
    expect(await db.query(`SELECT 1 FROM search_word WHERE word = 'potager'`)).toEqual([]);
    await expectConsistent();
  });
});
