import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/platform/db/database.ts';
import { openPgliteDatabase } from '../../src/lib/server/platform/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/lib/server/platform/db/postgres-database.ts';
import { startTestSites, type TestSites } from '../sites/start-test-sites.ts';
import { runTadata } from '../support/run-tadata.ts';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

/**
 * Crash safety as a user would meet it: `tadata harvest` killed with SIGKILL in the middle of a
 * run, then run again, ends with exactly the records of an uninterrupted run (no duplicates, no
 * loss), and the interrupted run is marked failed.
 */
describe(`a harvest killed mid-run resumes without duplicates or loss (${testDatabaseKind()})`, () => {
  let sites: TestSites;
  const drops: (() => Promise<void>)[] = [];

  async function newInstance(name: string) {
    const dir = mkdtempSync(path.join(tmpdir(), `tadata-harvest-kill-${name}-`));
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATA_DIR: dir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      HARVEST_ALLOW_PRIVATE_NETWORKS: 'true',
      HARVEST_MIN_DELAY_MS: '0',
    };
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drops.push(database.drop);
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
          summary: { selector: '.field-name-body', from: 'detail' },
        },
        // Slow enough to be killed in the middle: 27 pages, 120 ms apart.
        politeness: { minDelayMs: 120, concurrency: 1, timeoutMs: 5000, maxBodyBytes: 1_048_576 },
      }),
    );
    expect((await runTadata(['partners', 'add', 'fondation', '--name', 'Fondation'], env)).code).toBe(0);
    expect(
      (await runTadata(['sources', 'add', file, '--partner', 'fondation', '--slug', 'drupal'], env)).code,
    ).toBe(0);
    const open = (): Promise<Database> =>
      env.DATABASE_URL
        ? openPostgresDatabase(env.DATABASE_URL, { max: 1 })
        : openPgliteDatabase(path.join(dir, 'pglite'));
    return { env, open };
  }

  async function rawRecords(open: () => Promise<Database>) {
    const db = await open();
    try {
      const records = await db.query<{ stable_key: string; content_hash: string; gone: boolean }>(
        `SELECT stable_key, content_hash, gone_at IS NOT NULL AS gone FROM raw_record ORDER BY stable_key`,
      );
      const runs = await db.query<{ status: string; error: string | null }>(
        `SELECT status, error FROM harvest_run ORDER BY id`,
      );
      return { records, runs };
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    sites = await startTestSites();
  });
  afterAll(async () => {
    await sites?.stop();
    for (const drop of drops) await drop();
  });

  it('kill -9, run again, same records as an uninterrupted run', async () => {
    const reference = await newInstance('reference');
    const uninterrupted = await runTadata(['harvest', 'drupal', '--json'], reference.env);
    expect(uninterrupted.code).toBe(0);
    const expected = await rawRecords(reference.open);
    expect(expected.records).toHaveLength(24);

    const crashed = await newInstance('crashed');
    sites.clearRequests();
    const child = spawn(process.execPath, ['bin/tadata.js', 'harvest', 'drupal'], {
      env: crashed.env,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it once it is well into the detail pages.
    const until = Date.now() + 60_000;
    while (sites.requests('/drupal/projet/').length < 8 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const midway = await rawRecords(crashed.open);
    expect(midway.runs).toEqual([{ status: 'running', error: null }]);

    const again = await runTadata(['harvest', 'drupal', '--json'], crashed.env);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as {
      status: string;
      recoveredRuns: number[];
      records: { found: number };
    };
    expect(report.status).toBe('succeeded');
    expect(report.recoveredRuns).toHaveLength(1);
    expect(report.records.found).toBe(24);

    const after = await rawRecords(crashed.open);
    expect(after.records).toEqual(expected.records);
    expect(after.runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);
    expect(after.runs[0]?.error).toMatch(/interrupted/);
  }, 120_000);
});
