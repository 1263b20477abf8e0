import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { importFile } from '../imports/import-file.ts';
import { createPartner, setPartnerRules } from '../partners/partner-repository.ts';
import { fromAppRoot } from '../platform/app-root.ts';
import type { Database } from '../platform/db/database.ts';
import { consolidateRecords } from './consolidate-records.ts';

const PER_SITE_FILE = fromAppRoot('data/demo/ffe-laureats-2019-une-ligne-par-site.csv');

/** Everything a rebuild must reproduce: ids, URLs, fields and locations. */
async function projectsState(db: Database): Promise<string[]> {
  const rows = await db.query<{ line: string }>(`
    SELECT p.public_id || ' ' || p.slug || ' ' || p.name || ' ' || coalesce(p.summary, '') || ' ' ||
           array_to_string(p.themes, ',') || ' ' || p.quality_score || ' ' || p.published || ' ' ||
           coalesce((SELECT string_agg(coalesce(l.insee_code, '?') || '@' || l.latitude || ',' || l.longitude, ';' ORDER BY l.position)
                     FROM project_location l WHERE l.project_id = p.id), '') AS line
    FROM project p ORDER BY p.public_id`);
  return rows.map((r) => r.line);
}

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

  it('has nothing to do right after an import (incremental)', async () => {
    const report = await db.transaction((tx) => consolidateRecords(tx));
    expect(report).toMatchObject({ records: 0, created: 0, updated: 0, unpublished: 0 });
  });

  it('rebuilds every project from raw_record.fields alone, identically (--full)', async () => {
    const before = await projectsState(db);
    const [stamp] = await db.query<{ max: Date }>(`SELECT max(updated_at) AS max FROM project`);
    const full = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(full).toMatchObject({ records: 150, created: 0, updated: 150, failed: 0 });
    expect(await projectsState(db)).toEqual(before);
    // Nothing changed, so nothing was rewritten.
    const [after] = await db.query<{ max: Date }>(`SELECT max(updated_at) AS max FROM project`);
    expect(after?.max).toEqual(stamp?.max);

    // From scratch: the projects are gone, the raw records alone bring them back, same ids and URLs.
    await db.exec(`DELETE FROM project_location; DELETE FROM project_source; DELETE FROM project;`);
    const rebuilt = await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(rebuilt).toMatchObject({ records: 150, created: 150 });
    expect(await projectsState(db)).toEqual(before);
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

  it('makes one project per laureate of the one-row-per-site file, with all its sites', async () => {
    await createPartner(db, {
      slug: 'ffe-sites',
      name: 'FFE sites',
      website: 'https://fondationlafrancesengage.org/',
    });
    const report = await importFile(db, { file: PER_SITE_FILE, partnerSlug: 'ffe-sites', format: 'cis' });
    // 149 distinct names, plus the two HANDI SURF rows that carry another laureate's name by a
    // fill-down error: keyed by name and carrier, HANDI SURF stays its own project.
    expect(report.projects.created).toBe(150);
    const [network] = await db.query<{ sites: number; departements: number }>(
      `SELECT count(*)::int AS sites, count(DISTINCT l.departement_code)::int AS departements
       FROM project p JOIN project_source ps ON ps.project_id = p.id JOIN partner pa ON pa.id = ps.partner_id
       JOIN project_location l ON l.project_id = p.id
       WHERE pa.slug = 'ffe-sites' AND p.name = 'Cultiver la solidarité à grande échelle'`,
    );
    expect(network?.sites).toBe(25);
    expect(network?.departements).toBeGreaterThan(10);
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

  it("removes a suspended partner's projects from public views, and brings them back on reactivation", async () => {
    await setPartnerRules(db, 'ffe-sites', { status: 'suspended' });
    const [visible] = await db.query<{ n: number }>(
      `SELECT count(DISTINCT s.project_id)::int AS n FROM public_project_source s WHERE s.partner_slug = 'ffe-sites'`,
    );
    expect(visible?.n).toBe(0);
    expect(await isPublic(db, 'La Cravate Solidaire', 'ffe-sites')).toBe(false);
    // The foundation's own records of the same laureates stay public.
    expect(await isPublic(db, 'La Cravate Solidaire')).toBe(true);
    await setPartnerRules(db, 'ffe-sites', { status: 'active' });
    expect(await isPublic(db, 'La Cravate Solidaire', 'ffe-sites')).toBe(true);
  });
});
