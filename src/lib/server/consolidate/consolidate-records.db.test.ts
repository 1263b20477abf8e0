import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { projectsState } from '../../../../test/support/projects-state.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { importFile } from '../imports/import-file.ts';
import { createPartner, setPartnerRules } from '../partners/partner-repository.ts';
import { fromAppRoot } from '../platform/app-root.ts';
import type { Database } from '../platform/db/database.ts';
import { consolidateRecords } from './consolidate-records.ts';
import { findRedirect } from './duplicates/find-redirect.ts';
import { decideDuplicate, listPendingDuplicates } from './duplicates/resolve-duplicates.ts';
import { locationsBox } from './project-rows.ts';
import { sourceReports } from './source-report.ts';

const PER_SITE_FILE = fromAppRoot('data/demo/ffe-laureats-2019-une-ligne-par-site.csv');

/** The word dictionary as the search triggers would count it from nothing. */
const DICTIONARY_FROM_SCRATCH = `
SELECT w AS word, count(*)::int AS ndoc
FROM project p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
GROUP BY w ORDER BY w`;

/** Each project's public credits as the charter view gives them, computed from scratch. */
const CREDITS_FROM_SCRATCH = `
SELECT p.public_id AS "publicId",
  coalesce((SELECT array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug) FROM public_project_source s
            WHERE s.project_id = p.id), '{}') AS partners,
  (SELECT max(s.last_seen_at) FROM public_project_source s WHERE s.project_id = p.id) AS "lastSeenAt"
FROM project p ORDER BY p.public_id`;

/** The credits stored with each project (what search filters and facets read). */
const STORED_CREDITS = `
SELECT public_id AS "publicId", public_partners AS partners, public_last_seen_at AS "lastSeenAt"
FROM project ORDER BY public_id`;

/** Whether the partner's project of that name shows in public views. */
async function isPublic(db: Database, name: string, partner: string = DEMO_PARTNER.slug): Promise<boolean> {
  const [row] = await db.query<{ visible: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM project p JOIN project_source ps ON ps.project_id = p.id
       JOIN partner pa ON pa.id = ps.partner_id AND pa.slug = $2
       WHERE p.name = $1 AND p.published
       AND EXISTS (SELECT 1 FROM public_project_source s WHERE s.project_id = p.id)) AS visible`,
    [name, partner],
  );
  return row?.visible ?? false;
}

describe('consolidateRecords', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('writes each project with the locations box the trigger would compute (so it never rewrites them)', async () => {
    const rows = await db.query<{
      box: string | null;
      locations: { latitude: number | null; longitude: number | null }[];
    }>(
      `SELECT p.locations_box::text AS box,
              coalesce((SELECT json_agg(json_build_object('latitude', l.latitude, 'longitude', l.longitude))
                        FROM project_location l WHERE l.project_id = p.id), '[]') AS locations
       FROM project p`,
    );
    expect(rows.filter((r) => r.box !== null).length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(locationsBox(row.locations)).toBe(row.box);
    }
  });

  it('has nothing to do right after an import (incremental)', async () => {
    const report = await db.transaction((tx) => consolidateRecords(tx));
    expect(report).toMatchObject({ records: 0, created: 0, updated: 0, unpublished: 0 });
  });

  it('rebuilds every project from raw_record.fields alone, identically (--full)', async () => {
    const before = await projectsState(db);
    const [stamp] = await db.query<{ max: Date }>(`SELECT max(updated_at) AS max FROM project`);
    // A row's xmin is the transaction that last wrote it.
    const recordVersions = `SELECT 'raw' AS t, id, xmin::text AS version FROM raw_record
                            UNION ALL SELECT 'source', raw_record_id, xmin::text FROM project_source
                            UNION ALL SELECT 'location', project_id * 1000 + position, xmin::text FROM project_location
                            ORDER BY t, id`;
    const recordsBefore = await db.query(recordVersions);
    const full = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(full).toMatchObject({ records: 150, created: 0, updated: 150, failed: 0 });
    expect(await projectsState(db)).toEqual(before);
    // Nothing changed, so nothing was rewritten: neither the projects, nor the raw records, nor
    // their provenance and locations.
    const [after] = await db.query<{ max: Date }>(`SELECT max(updated_at) AS max FROM project`);
    expect(after?.max).toEqual(stamp?.max);
    expect(await db.query(recordVersions)).toEqual(recordsBefore);

    // From scratch: the projects are gone, the raw records alone bring them back, same ids and URLs.
    await db.exec(`DELETE FROM project_location; DELETE FROM project_source; DELETE FROM project;`);
    const rebuilt = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(rebuilt).toMatchObject({ records: 150, created: 150 });
    expect(await projectsState(db)).toEqual(before);
  });

  it('counts the word dictionary once at the end of a full run, right when it commits', async () => {
    // The projects go (and their words with them): only the run's final rebuild brings the words back.
    await db.exec(`DELETE FROM project_location; DELETE FROM project_source; DELETE FROM project;`);
    expect(await db.query(`SELECT word FROM search_word`)).toEqual([]);
    await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    const dictionary = await db.query<{ word: string; ndoc: number }>(
      `SELECT word, ndoc FROM search_word ORDER BY word`,
    );
    expect(dictionary.length).toBeGreaterThan(100);
    expect(dictionary).toEqual(await db.query(DICTIONARY_FROM_SCRATCH));
    // The switch lived in the run's transaction only: later writes keep the dictionary again.
    await db.exec(
      `UPDATE project SET summary = summary || ' Zythogrammes.' WHERE id = (SELECT min(id) FROM project)`,
    );
    const [word] = await db.query<{ ndoc: number }>(
      `SELECT ndoc FROM search_word WHERE word = 'zythogrammes'`,
    );
    expect(word?.ndoc).toBe(1);
    await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(await db.query(`SELECT word FROM search_word WHERE word = 'zythogrammes'`)).toEqual([]);
  });

  it('reads only the records whose content changed (incremental)', async () => {
    await db.exec(`
      UPDATE raw_record SET content_hash = 'changed-' || content_hash
      WHERE id IN (SELECT id FROM raw_record ORDER BY id LIMIT 2)`);
    const report = await db.transaction((tx) => consolidateRecords(tx));
    expect(report).toMatchObject({ records: 2, created: 0 });
    expect((await db.transaction((tx) => consolidateRecords(tx))).records).toBe(0);
  });

  it('keeps the stated commune when the coordinates are more than 30 km away, and flags it', async () => {
    const [counts] = await db.query<{ flagged: number; located: number }>(
      `SELECT count(*) FILTER (WHERE coordinates_flagged)::int AS flagged, count(*)::int AS located
       FROM project_location`,
    );
    // 74 of the 141 laureates with coordinates have their head office's (data/README.md).
    expect(counts?.flagged).toBeGreaterThanOrEqual(70);
    const flagged = await db.query<{
      insee_code: string;
      latitude: number;
      clat: number;
      longitude: number;
      clon: number;
    }>(
      `SELECT l.insee_code, l.latitude, l.longitude, coalesce(c.latitude, pc.latitude) AS clat, coalesce(c.longitude, pc.longitude) AS clon
       FROM project_location l JOIN commune c ON c.insee_code = l.insee_code
       LEFT JOIN commune pc ON pc.insee_code = c.parent_insee_code
       WHERE l.coordinates_flagged`,
    );
    for (const l of flagged) {
      expect([l.latitude, l.longitude]).toEqual([l.clat, l.clon]);
    }
  });

  it('hides a project the partner excludes at the next run, and shows it again when the exclusion goes', async () => {
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(true);
    await setPartnerRules(db, DEMO_PARTNER.slug, {
      exclusions: [
        { kind: 'url', value: 'https://fondationlafrancesengage.org/portfolio/La-Cravate-Solidaire/' },
      ],
    });
    const excluded = await db.transaction((tx) => consolidateRecords(tx));
    // The partner's rules changed: its records are consolidated again, one is excluded.
    expect(excluded).toMatchObject({ records: 150, excluded: 1, unpublished: 1 });
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(false);
    expect(await isPublic(db, 'Môm’artre')).toBe(true);

    await setPartnerRules(db, DEMO_PARTNER.slug, { exclusions: [] });
    const back = await db.transaction((tx) => consolidateRecords(tx));
    expect(back).toMatchObject({ excluded: 0, republished: 1 });
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(true);
  });

  it('republishes images only where the partner allows media', async () => {
    const image = async () =>
      (
        await db.query<{ image_url: string | null }>(
          `SELECT image_url FROM project p
        JOIN project_source ps ON ps.project_id = p.id JOIN partner pa ON pa.id = ps.partner_id
        WHERE pa.slug = $1 AND p.name = 'La Cravate Solidaire'`,
          [DEMO_PARTNER.slug],
        )
      )[0]?.image_url;
    expect(await image()).toMatch(/^https:\/\/.*\/fondation\/file\/image\//);
    await setPartnerRules(db, DEMO_PARTNER.slug, { mediaAllowed: false });
    await db.transaction((tx) => consolidateRecords(tx));
    expect(await image()).toBeNull();
    await setPartnerRules(db, DEMO_PARTNER.slug, { mediaAllowed: true });
    await db.transaction((tx) => consolidateRecords(tx));
  });

  it('makes one project per laureate of the one-row-per-site file, with all its sites, merged with the same laureates of the other file', async () => {
    await createPartner(db, {
      slug: 'ffe-sites',
      name: 'FFE sites',
      website: 'https://fondationlafrancesengage.org/',
    });
    const report = await importFile(db, { file: PER_SITE_FILE, partnerSlug: 'ffe-sites', format: 'cis' });
    // 149 distinct names, plus the two HANDI SURF rows that carry another laureate's name by a
    // fill-down error: keyed by name and carrier, HANDI SURF stays a record of its own.
    expect(report.projects.created).toBe(150);
    // The foundation's own file is the reference: its fields win when records merge.
    await db.query(`UPDATE source SET trust = 40 WHERE slug = 'ffe-sites-import'`);
    const rerun = await db.transaction((tx) => consolidateRecords(tx));
    expect(rerun.records).toBe(150);

    // Every laureate of the second file is a laureate of the first: one project each, two credits.
    const [counts] = await db.query<{ projects: number; shared: number }>(
      `SELECT (SELECT count(*)::int FROM project) AS projects,
              (SELECT count(*)::int FROM (SELECT project_id FROM project_source
                 GROUP BY project_id HAVING count(*) = 2) x) AS shared`,
    );
    expect(counts).toEqual({ projects: 150, shared: 150 });
    const [network] = await db.query<{ sites: number; departements: number; sources: number }>(
      `SELECT count(*)::int AS sites, count(DISTINCT l.departement_code)::int AS departements,
              (SELECT count(*)::int FROM project_source ps WHERE ps.project_id = p.id) AS sources
       FROM project p JOIN project_location l ON l.project_id = p.id
       WHERE p.name = 'Cultiver la solidarité à grande échelle' GROUP BY p.id`,
    );
    expect(network?.sites).toBeGreaterThanOrEqual(25);
    expect(network?.departements).toBeGreaterThan(10);
    expect(network?.sources).toBe(2);
    // HANDI SURF's rows, named after another laureate by a fill-down error, joined HANDI SURF's
    // project through its carrier and presentation; the real name (most trusted source) stands.
    const [handiSurf] = await db.query<{ name: string; sources: number; name_source: string }>(
      `SELECT p.name, (SELECT count(*)::int FROM project_source ps WHERE ps.project_id = p.id) AS sources,
              p.field_sources->>'name' AS name_source
       FROM project p WHERE p.carrier = 'HANDI SURF'`,
    );
    expect(handiSurf).toEqual({
      name: "Quand le handicap se dissout dans l'eau",
      sources: 2,
      name_source: 'fondation-la-france-s-engage-import',
    });
    // The absorbed project's URL redirects to the survivor.
    const [redirect] = await db.query<{ survivor: string }>(
      `SELECT p.name AS survivor FROM project_redirect r JOIN project p ON p.id = r.project_id
       WHERE r.slug = 'echanger-et-cooperer-2'`,
    );
    expect(redirect?.survivor).toBe("Quand le handicap se dissout dans l'eau");
    expect(await listPendingDuplicates(db)).toEqual([]);
  });

  it('remembers decisions across full rebuilds', async () => {
    const before = await projectsState(db);
    const full = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(full.records).toBe(300);
    expect(await projectsState(db)).toEqual(before);
    const reports = await sourceReports(db);
    expect(reports.map((r) => r.source)).toEqual(['ffe-sites-import', 'fondation-la-france-s-engage-import']);
    // The per-site file gives the name "Échanger et Coopérer" to two laureates (fill-down): flagged.
    expect(reports.map((r) => r.sharedNames)).toEqual([2, 0]);
    for (const r of reports) {
      expect(r).toMatchObject({ records: 150, merged: 150, pendingDuplicates: 0, excluded: 0 });
      expect(r.ungeocoded).toBeLessThan(10);
      expect(r.averageQuality).toBeGreaterThan(50);
    }
  });

  it('credits merged projects once at the end of a full run, right when it commits', async () => {
    // Rolled back at the end: the projects rebuilt from scratch would take other slugs.
    const rollback = new Error('rollback');
    const checked = db.transaction(async (tx) => {
      // From scratch: every merge happens inside the run, with the credit triggers switched off.
      await tx.exec(`DELETE FROM project_location; DELETE FROM project_source; DELETE FROM project;`);
      await consolidateRecords(tx, { full: true });
      const stored = await tx.query<{ partners: string[] }>(STORED_CREDITS);
      expect(stored).toEqual(await tx.query(CREDITS_FROM_SCRATCH));
      expect(stored.filter((p) => p.partners.length === 2)).toHaveLength(150);
      // The switch lived until the end of the run only: later writes keep the credits again.
      await tx.exec(
        `UPDATE project_source SET excluded = true
         WHERE raw_record_id = (SELECT min(r.id) FROM raw_record r JOIN source s ON s.id = r.source_id
                                WHERE s.slug = 'ffe-sites-import')`,
      );
      const after = await tx.query<{ partners: string[] }>(STORED_CREDITS);
      expect(after.filter((p) => p.partners.length === 2)).toHaveLength(149);
      expect(after).toEqual(await tx.query(CREDITS_FROM_SCRATCH));
      throw rollback;
    });
    await expect(checked).rejects.toBe(rollback);
  });

  it("queues doubtful pairs for review and remembers the coordinator's decisions", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tadata-dup-')), 'autre.csv');
    writeFileSync(
      file,
      'id;titre;porteur;ville;code postal\n1;Échanger et Coopérer;Les Voisins Solidaires;Paris;75011\n2;Jardin des Lilas;Les Lilas;Lyon;69003\n',
    );
    await createPartner(db, { slug: 'autre', name: 'Autre réseau' });
    await importFile(db, { file, partnerSlug: 'autre' });
    const pending = await listPendingDuplicates(db);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ nameA: 'Échanger et Coopérer', nameB: 'Échanger et Coopérer' });
    const pair: [string, string] = [pending[0]?.publicIdA as string, pending[0]?.publicIdB as string];

    await db.transaction((tx) => decideDuplicate(tx, pair, 'reject'));
    expect(await listPendingDuplicates(db)).toEqual([]);
    await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(await listPendingDuplicates(db)).toEqual([]);

    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
    await db.transaction((tx) => decideDuplicate(tx, pair, 'merge'));
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
    expect(after?.n).toBe((count?.n ?? 0) - 1);
    // One of the two public ids now redirects to the other project's URL.
    const targets = await Promise.all(pair.map((id) => findRedirect(db, id)));
    expect(targets.filter(Boolean)).toEqual(['echanger-et-cooperer']);
    await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    const [rebuilt] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
    expect(rebuilt?.n).toBe(after?.n);
  });

  it('rebuilds a project its partner lists several times (records of one source merged)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tadata-twice-')), 'pentes.csv');
    writeFileSync(
      file,
      'id;titre;porteur;ville;code postal\n1;Repair Café des Pentes;Les Pentes Solidaires;Lyon;69001\n' +
        '2;Repair Café des Pentes;Les Pentes Solidaires;Villeurbanne;69100\n3;Repair Café des Pentes;Les Pentes Solidaires;Villeurbanne;69100\n',
    );
    await createPartner(db, { slug: 'pentes', name: 'Pentes' });
    await importFile(db, { file, partnerSlug: 'pentes' });
    const places = `SELECT p.id, (SELECT count(*)::int FROM project_source ps WHERE ps.project_id = p.id) AS sources,
                      (SELECT array_agg(l.city ORDER BY l.city) FROM project_location l WHERE l.project_id = p.id) AS cities
                    FROM project p WHERE p.name = 'Repair Café des Pentes'`;
    const merged = await db.query<{ id: number; sources: number; cities: string[] }>(places);
    expect(merged).toEqual([
      { id: merged[0]?.id, sources: 3, cities: ['Lyon 1er Arrondissement', 'Villeurbanne'] },
    ]);
    // The records of one batch feed one project: it is written once, then rebuilt from them all.
    const full = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(full.failed).toBe(0);
    expect(await db.query(places)).toEqual(merged);
  });

  it('credits a project only to active partners, and hides it when none is left', async () => {
    const credits = async () =>
      (
        await db.query<{ partner_slug: string }>(
          `SELECT s.partner_slug FROM public_project_source s JOIN project p ON p.id = s.project_id
           WHERE p.name = 'La Cravate Solidaire' ORDER BY s.partner_slug`,
        )
      ).map((r) => r.partner_slug);
    expect(await credits()).toEqual(['ffe-sites', DEMO_PARTNER.slug]);
    await setPartnerRules(db, 'ffe-sites', { status: 'suspended' });
    expect(await credits()).toEqual([DEMO_PARTNER.slug]);
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(true);
    await setPartnerRules(db, DEMO_PARTNER.slug, { status: 'excluded' });
    expect(await credits()).toEqual([]);
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(false);
    await setPartnerRules(db, DEMO_PARTNER.slug, { status: 'active' });
    await setPartnerRules(db, 'ffe-sites', { status: 'active' });
    expect(await credits()).toEqual(['ffe-sites', DEMO_PARTNER.slug]);
  });
});
