import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSites, type TestSites } from '../sites/start-test-sites.ts';
import { runTadata } from '../support/run-tadata.ts';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

/** tadata harvest (--preview, --json, the summary) and the health column of sources list. */
describe(`tadata harvest (${testDatabaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-cli-harvest-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    HARVEST_ALLOW_PRIVATE_NETWORKS: 'true',
    HARVEST_MIN_DELAY_MS: '0',
  };
  let sites: TestSites;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sites = await startTestSites();
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
    const file = path.join(dir, 'drupal.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'html',
        schemaVersion: 1,
        startUrls: [`${sites.origin}/drupal/projets`],
        items: 'li.views-row',
        detailLink: 'h3.title a',
        pagination: { type: 'next-link', selector: 'li.pager-next a' },
        fields: {
          title: { selector: 'h3.title a' },
          carrier: { selector: '.field-name-field-porteur .name-block', from: 'detail' },
        },
        politeness: { minDelayMs: 0, concurrency: 2, timeoutMs: 5000, maxBodyBytes: 1_048_576 },
      }),
    );
    expect((await runTadata(['partners', 'add', 'fondation', '--name', 'Fondation'], env)).code).toBe(0);
    expect(
      (await runTadata(['sources', 'add', file, '--partner', 'fondation', '--slug', 'drupal'], env)).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await sites?.stop();
    await drop?.();
  });

  it('--preview prints records and per-field diagnostics and saves nothing', async () => {
    const preview = await runTadata(['harvest', 'drupal', '--preview', '--limit', '3'], env);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('nothing saved');
    expect(preview.stdout).toMatch(/#1 http:\/\/127\.0\.0\.1:\d+\/drupal\/projet\//);
    expect(preview.stdout).toContain('title: matched on 3 of 3 items');
    const list = await runTadata(['sources', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)[0]).toMatchObject({ slug: 'drupal', lastRun: null, health: 'unknown' });
  });

  it('harvests with a summary, then flags a redesigned site in sources list', async () => {
    const first = await runTadata(['harvest', 'drupal'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('records: 24 found, 24 new, 0 changed, 0 unchanged, 0 gone');
    expect(first.stdout).toContain('fields: title 100%, carrier 100%');
    expect(first.stdout).toContain('health: ok');
    // Not a terminal: plain progress lines on stderr.
    expect(first.stderr).toContain('storing 24 records');

    sites.setVariant('drupal', 'redesign');
    const second = await runTadata(['harvest', 'drupal', '--json'], env);
    const report = JSON.parse(second.stdout) as {
      status: string;
      health: { status: string; reasons: string[] };
    };
    expect(report.status).toBe('partial');
    expect(report.health.status).toBe('attention');

    const list = await runTadata(['sources', 'list'], env);
    expect(list.stdout).toMatch(/drupal\s+fondation\s+html\s+v1\s+weekly\s+partial \S+\s+NEEDS ATTENTION/);
    expect(list.stdout).toContain(
      'drupal needs attention: the run found 0 items where previous runs found about 24: the item selector may no longer match, the site may have changed',
    );
  }, 120_000);
});
