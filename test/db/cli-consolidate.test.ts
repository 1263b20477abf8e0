import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTadata } from '../support/run-tadata.ts';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

/** The consolidation commands as a user runs them, on PGlite in a temporary DATA_DIR or on PostgreSQL. */
describe(`tadata consolidate, duplicates, tags, geocode (${testDatabaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-cli-consolidate-'));
  const env: Record<string, string> = {
    ...process.env,
    DATA_DIR: dir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
  } as Record<string, string>;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
  });
  afterAll(async () => drop?.());

  const tadata = (...args: string[]) => runTadata(args, env);

  it('rebuilds the imported projects with --full, and reports per source', async () => {
    const imported = await tadata(
      'import',
      'data/demo/ffe-laureats-2019.csv',
      '--partner',
      'ffe',
      '--partner-name',
      'FFE',
    );
    expect(imported.code).toBe(0);
    const incremental = JSON.parse((await tadata('consolidate', '--json')).stdout);
    expect(incremental).toMatchObject({ records: 0, created: 0 });
    const full = await tadata('consolidate', '--full', '--report', '--json');
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout)).toMatchObject({
      records: 150,
      created: 0,
      sources: [{ source: 'ffe-import', records: 150, pendingDuplicates: 0 }],
    });
  });

  it('lists unmapped tags and an empty review queue, and refuses a wrong subcommand', async () => {
    const tags = await tadata('tags', 'unmapped', '--source', 'ffe-import');
    expect(tags.stdout).toContain('ffe-import\t43\t10- Réduction des inégalités');
    expect((await tadata('duplicates', 'list')).stdout).toContain('no pair waits for review');
    expect((await tadata('duplicates', 'frob')).code).toBe(2);
  });

  it('maps an unmapped tag, and the records follow at once; a coordinator rule can be removed', async () => {
    const tag = '10- Réduction des inégalités';
    const mapped = await tadata('tags', 'map', 'ffe', tag, 'DRO', '--json');
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({
      saved: { partnerKey: 'FFE', tag, codes: ['DRO'], replaced: null },
      consolidation: { records: 150 },
    });
    expect((await tadata('tags', 'unmapped', '--source', 'ffe-import')).stdout).not.toContain(tag);
    const bad = await tadata('tags', 'map', 'ffe', tag, 'ZZZ');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('codes: unknown code "ZZZ"');
    const removed = await tadata('tags', 'unmap', 'ffe', tag);
    expect(removed.stdout).toContain(`the rule for "${tag}" is removed`);
    expect((await tadata('tags', 'unmapped', '--source', 'ffe-import')).stdout).toContain(
      `ffe-import\t43\t${tag}`,
    );
  }, 180_000);

  it("sets a source's trust and rebuilds its records with it", async () => {
    const trusted = await tadata('sources', 'trust', 'ffe-import', '80');
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('source ffe-import: trust 50 → 80; 150 records re-read');
    expect((await tadata('sources', 'trust', 'ffe-import', 'high')).code).toBe(2);
    const unknown = await tadata('sources', 'trust', 'personne', '10');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no source "personne"');
  }, 120_000);

  it('geocodes a place and a CSV file', async () => {
    const one = await tadata('geocode', '12 rue de la République, 69003 Lyon', '--json');
    expect(JSON.parse(one.stdout)).toMatchObject({ inseeCode: '69383', precision: 'commune' });
    const input = path.join(dir, 'liste.csv');
    const output = path.join(dir, 'liste-geocodee.csv');
    writeFileSync(input, 'nom,ville,cp\nA,Villeurbanne,\nB,Paris,75011\n');
    const csv = await tadata('geocode', '--csv', input, '--columns', 'cp,ville', '--output', output);
    expect(csv.code).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'nom,ville,cp,result_citycode,result_city,result_postcode,result_departement,result_region,latitude,longitude,result_precision,result_score',
    );
    expect(lines[1]).toMatch(/^A,Villeurbanne,,69266,Villeurbanne,69100,69,84,/);
    expect(lines[2]).toMatch(/^B,Paris,75011,75111,/);
  });
});
