import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { importFile } from '../imports/import-file.ts';
import { createPartner } from '../partners/partner-repository.ts';
import type { Database } from '../platform/db/database.ts';
import { consolidateRecords } from './consolidate-records.ts';

/** A project's methods by name. */
async function methodsOf(db: Database, name: string): Promise<string[][]> {
  const rows = await db.query<{ methods: string[] }>(`SELECT methods FROM project WHERE name = $1`, [name]);
  return rows.map((r) => [...r.methods].sort());
}

describe("projects' methods", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('come from the partner tags the crosswalk maps to method codes, and survive a rebuild', async () => {
    const [demo] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM project WHERE cardinality(methods) > 0`,
    );
    // The demo file's CIS codes are themes and sub-themes, and no crosswalk rule is its partner's.
    expect(demo?.n).toBe(0);
    // The rules of "Atlaas - villes internet" map "coopération" to GOU and COO, "démocratie
    // locale" to GOU, PAR and COO; "Alimentation" to no method.
    await createPartner(db, { slug: 'atlaas', name: 'Atlaas - villes internet' });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tadata-methods-')), 'atlaas.csv');
    writeFileSync(
      file,
      'id;titre;porteur;ville;code postal;tags\n' +
        '1;Conseil citoyen numérique;Ville de Brest;Brest;29200;coopération|démocratie locale\n' +
        '2;Potager partagé de Quimper;Les Jardins;Quimper;29000;Alimentation\n',
    );
    await importFile(db, { file, partnerSlug: 'atlaas' });
    expect(await methodsOf(db, 'Conseil citoyen numérique')).toEqual([['COO', 'GOU', 'PAR']]);
    expect(await methodsOf(db, 'Potager partagé de Quimper')).toEqual([[]]);

    await db.exec(`UPDATE project SET methods = '{}'`);
    await db.transaction((tx) => consolidateRecords(tx, { full: true }));
    expect(await methodsOf(db, 'Conseil citoyen numérique')).toEqual([['COO', 'GOU', 'PAR']]);
  });
});
