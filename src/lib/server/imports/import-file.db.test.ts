import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_FILE, DEMO_PARTNER } from '../demo/load-demo.ts';
import { InvalidInputFileError } from '../errors.ts';
import { createPartner } from '../partners/partner-repository.ts';
import type { Database } from '../platform/db/database.ts';
import { importFile } from './import-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tadata-import-'));
const demo = readFileSync(DEMO_FILE, 'utf8');

function variant(name: string, transform: (text: string) => string): string {
  const file = path.join(dir, name);
  writeFileSync(file, transform(demo));
  return file;
}

interface Snapshot {
  projects: number;
  published: number;
  records: number;
  gone: number;
  ids: string;
}

async function snapshot(db: Database): Promise<Snapshot> {
  const [row] = await db.query<Snapshot>(`
    SELECT (SELECT count(*)::int FROM project) AS projects,
           (SELECT count(*)::int FROM project WHERE published) AS published,
           (SELECT count(*)::int FROM raw_record) AS records,
           (SELECT count(*)::int FROM raw_record WHERE gone_at IS NOT NULL) AS gone,
           (SELECT string_agg(public_id || '=' || slug || '@' || updated_at::text, ',' ORDER BY id) FROM project) AS ids`);
  if (!row) throw new Error('no snapshot');
  return row;
}

describe('importFile', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('loaded the demo as 150 published projects credited to the foundation', async () => {
    const state = await snapshot(db);
    expect(state).toMatchObject({ projects: 150, published: 150, records: 150, gone: 0 });
    const [credit] = await db.query<{ name: string; source_url: string; licence: string }>(
      `SELECT pa.name, ps.source_url, ps.licence FROM project p
       JOIN project_source ps ON ps.project_id = p.id JOIN partner pa ON pa.id = ps.partner_id
       WHERE p.name = 'La Cravate Solidaire'`,
    );
    expect(credit).toEqual({
      name: DEMO_PARTNER.name,
      source_url: 'https://fondationlafrancesengage.org/portfolio/La-Cravate-Solidaire',
      licence: 'CC-BY-SA-4.0',
    });
  });

  it('geocodes from the postal code and city, and maps the theme codes', async () => {
    const [row] = await db.query<{
      themes: string[];
      subthemes: string[];
      insee_code: string;
      departement_code: string;
      region_code: string;
    }>(
      `SELECT p.themes, p.subthemes, l.insee_code, l.departement_code, l.region_code
       FROM project p JOIN project_location l ON l.project_id = p.id WHERE p.name = 'La Cravate Solidaire'`,
    );
    expect(row).toEqual({
      themes: ['EMP', 'SOL'],
      subthemes: ['ACE', 'GRA', 'LUT'],
      insee_code: '28015',
      departement_code: '28',
      region_code: '24',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(db);
    const report = await importFile(db, { file: DEMO_FILE, partnerSlug: DEMO_PARTNER.slug });
    expect(report.format).toBe('cis');
    expect(report.records).toEqual({ found: 150, new: 0, changed: 0, unchanged: 150, gone: 0 });
    expect(report.projects).toEqual({ created: 0, updated: 0, unpublished: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates a changed row in place: same id, same URL', async () => {
    const [before] = await db.query<{ public_id: string; slug: string }>(
      `SELECT public_id, slug FROM project WHERE name = 'La Cravate Solidaire'`,
    );
    const file = variant('changed.csv', (t) =>
      t.replace('collecte des tenues professionnelles', 'collecte des costumes'),
    );
    const report = await importFile(db, { file, partnerSlug: DEMO_PARTNER.slug });
    expect(report.records).toMatchObject({ new: 0, changed: 1, unchanged: 149, gone: 0 });
    const [after] = await db.query<{ public_id: string; slug: string; summary: string }>(
      `SELECT public_id, slug, summary FROM project WHERE name = 'La Cravate Solidaire'`,
    );
    expect(after).toMatchObject(before ?? {});
    expect(after?.summary).toContain('collecte des costumes');
  });

  it('marks a disappeared row gone and unpublishes its project, then republishes it at the same URL', async () => {
    const lines = demo.split('\n');
    const without = variant('without.csv', () =>
      lines.filter((l) => !l.includes(',Job dans la Ville,')).join('\n'),
    );
    const report = await importFile(db, { file: without, partnerSlug: DEMO_PARTNER.slug });
    expect(report.records).toMatchObject({ found: 149, gone: 1 });
    expect(report.projects.unpublished).toBe(1);
    const [gone] = await db.query<{ published: boolean; slug: string }>(
      `SELECT published, slug FROM project WHERE name = 'Job dans la Ville'`,
    );
    expect(gone?.published).toBe(false);

    const back = await importFile(db, { file: DEMO_FILE, partnerSlug: DEMO_PARTNER.slug });
    expect(back.records).toMatchObject({ new: 0, changed: 1, gone: 0 });
    const [again] = await db.query<{ published: boolean; slug: string }>(
      `SELECT published, slug FROM project WHERE name = 'Job dans la Ville'`,
    );
    expect(again).toEqual({ published: true, slug: gone?.slug });
  });

  it('refuses a file with a broken row, naming its line, and writes nothing', async () => {
    const before = await snapshot(db);
    const runs = await db.query(`SELECT id FROM harvest_run`);
    const lines = demo.split('\n');
    // The 40th project's first line (descriptions span several lines, so count record starts).
    const brokenLine = lines
      .map((l, i) => (l.startsWith("La Fondation La France s'Engage,") ? i + 1 : 0))
      .filter(Boolean)[39] as number;
    lines[brokenLine - 1] =
      "La Fondation La France s'Engage,FFE,https://fondationlafrancesengage.org/,trop court";
    const file = variant('broken.csv', () => lines.join('\n'));
    const error = await importFile(db, { file, partnerSlug: DEMO_PARTNER.slug }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputFileError);
    expect((error as InvalidInputFileError).problems[0]?.line).toBe(brokenLine);
    expect((error as Error).message).toContain(`${file} (line ${brokenLine})`);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.query(`SELECT id FROM harvest_run`)).toHaveLength(runs.length);
  });

  it('imports a generic Windows-1252 file with ; separators for another partner', async () => {
    await createPartner(db, {
      slug: 'reseau-test',
      name: 'Réseau test',
      website: 'https://reseau.example.org/',
    });
    const file = path.join(dir, 'generic.csv');
    writeFileSync(
      file,
      iconv.encode(
        'Titre;Porteur;Code postal;Ville;Lien\n' +
          'Épicerie solidaire du quartier;Association Éclat;1000;Bourg-en-Bresse;/projets/epicerie\n' +
          'Café des aidants;Les Aidants;75011;Paris;/projets/cafe\n',
        'win1252',
      ),
    );
    const report = await importFile(db, { file, partnerSlug: 'reseau-test' });
    expect(report).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' });
    expect(report.projects.created).toBe(2);
    const rows = await db.query<{
      name: string;
      carrier: string;
      source_url: string;
      insee_code: string;
      postal_code: string;
    }>(
      `SELECT p.name, p.carrier, ps.source_url, l.insee_code, l.postal_code FROM project p
       JOIN project_source ps ON ps.project_id = p.id JOIN source s ON s.id = ps.source_id
       JOIN project_location l ON l.project_id = p.id
       WHERE s.slug = 'reseau-test-import' ORDER BY p.name`,
    );
    expect(rows).toEqual([
      {
        name: 'Café des aidants',
        carrier: 'Les Aidants',
        source_url: 'https://reseau.example.org/projets/cafe',
        insee_code: '75111',
        postal_code: '75011',
      },
      {
        name: 'Épicerie solidaire du quartier',
        carrier: 'Association Éclat',
        source_url: 'https://reseau.example.org/projets/epicerie',
        insee_code: '01053',
        postal_code: '01000',
      },
    ]);
  });
});
