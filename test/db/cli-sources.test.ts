import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTadata } from '../support/run-tadata.ts';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

/** partners add, sources add/list/show as a user runs them, on PGlite and on PostgreSQL. */
describe(`tadata partners and sources (${testDatabaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-cli-sources-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
  };
  let drop: (() => Promise<void>) | undefined;
  const config = {
    kind: 'html',
    schemaVersion: 1,
    name: 'Projets du réseau',
    startUrls: ['https://reseau.example/projets'],
    items: '.views-row',
    detailLink: 'h3 a',
    fields: { titre: { selector: 'h3' } },
  };
  const file = path.join(dir, 'reseau-projets.json');

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
  });
  afterAll(async () => drop?.());

  it('adds a partner, then a source whose every change is a new version', async () => {
    const partner = await runTadata(['partners', 'add', 'reseau', '--name', 'Réseau exemple'], env);
    expect(partner).toMatchObject({
      code: 0,
      stdout: 'partner reseau added: Réseau exemple (licence CC-BY-SA-4.0)\n',
    });

    writeFileSync(file, JSON.stringify(config));
    const first = await runTadata(['sources', 'add', file, '--partner', 'reseau'], env);
    expect(first.stdout).toBe('source reseau-projets (html, partner reseau): created, config version 1\n');
    const same = await runTadata(['sources', 'add', file, '--partner', 'reseau'], env);
    expect(same.stdout).toContain('config unchanged: still version 1');
    writeFileSync(file, JSON.stringify({ ...config, frequency: 'daily' }));
    const changed = await runTadata(['sources', 'add', file, '--partner', 'reseau'], env);
    expect(changed.stdout).toContain('config changed: saved as version 2');

    const list = await runTadata(['sources', 'list'], env);
    expect(list.stdout).toMatch(/reseau-projets\s+reseau\s+html\s+v2\s+daily\s+never run/);
    const shown = await runTadata(['sources', 'show', 'reseau-projets', '--version', '1'], env);
    expect(shown.stderr).toContain('config version 1 of 2');
    expect(JSON.parse(shown.stdout)).toMatchObject({ ...config, frequency: 'weekly' });
  });

  it('refuses an unknown partner and an invalid config', async () => {
    const unknown = await runTadata(['sources', 'add', file, '--partner', 'personne'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no partner "personne": add it first with `tadata partners add`');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...config, maxPages: 0 }));
    const invalid = await runTadata(['sources', 'add', bad, '--partner', 'reseau'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('$.maxPages: must be at least 1');
  });
});
