import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRUPAL_PROJECTS } from '../../../../test/sites/drupal-site.ts';
import { startTestSites, type TestSites } from '../../../../test/sites/start-test-sites.ts';
import {
  drupalConfig,
  saveTestSource,
  TEST_FETCHER,
  TEST_HARVEST,
} from '../../../../test/support/harvest-runs.ts';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { toIncomingRecords } from './incoming-records.ts';
import { previewSource, runHarvest } from './run-harvest.ts';
import { claimRun, RunInProgressError } from './run-repository.ts';
import { storeHarvestBatch } from './store-harvest-batch.ts';

const options = { harvest: TEST_HARVEST, fetcher: TEST_FETCHER };

async function records(db: Database, slug: string) {
  return db.query<{ stable_key: string; content_hash: string; gone: boolean }>(
    `SELECT r.stable_key, r.content_hash, r.gone_at IS NOT NULL AS gone FROM raw_record r
     JOIN source s ON s.id = r.source_id WHERE s.slug = $1 ORDER BY r.stable_key`,
    [slug],
  );
}

describe(`harvest runs (${testDatabaseKind()})`, () => {
  let db: Database;
  let sites: TestSites;

  beforeAll(async () => {
    db = await openTestDatabase();
    sites = await startTestSites();
    await saveTestSource(db, 'drupal', drupalConfig(sites.origin));
  });
  afterAll(async () => {
    await sites?.stop();
    await db?.close();
  });

  it('stores every record of a complete run, with its stats, then finds them unchanged', async () => {
    const first = await runHarvest(db, 'drupal', options);
    expect(first.status).toBe('succeeded');
    expect(first.records).toMatchObject({ found: 24, new: 24, changed: 0, unchanged: 0, gone: 0 });
    expect(first.pagesFetched).toBe(3 + 24);
    expect(first.bytes).toBeGreaterThan(1000);
    expect(first.fields.title?.fillRate).toBe(1);
    expect(first.health.status).toBe('ok');
    const [run] = await db.query<{ status: string; config_version: number; stats: Record<string, unknown> }>(
      `SELECT status, config_version, stats FROM harvest_run WHERE id = $1`,
      [first.runId],
    );
    expect(run).toMatchObject({ status: 'succeeded', config_version: 1 });
    expect(run?.stats).toMatchObject({ found: 24, new: 24, pagesFetched: 27, errorCount: 0 });
    expect(run?.stats.fields).toMatchObject({ carrier: { fillRate: 1 } });

    const second = await runHarvest(db, 'drupal', options);
    expect(second.records).toMatchObject({ found: 24, new: 0, changed: 0, unchanged: 24, gone: 0 });
    const stored = await records(db, 'drupal');
    expect(stored).toHaveLength(DRUPAL_PROJECTS.length);
  });

  it('a partial run (cut by --limit) stores what it found and marks nothing gone', async () => {
    const partial = await runHarvest(db, 'drupal', { ...options, limit: 5 });
    expect(partial.status).toBe('partial');
    expect(partial.records.gone).toBe(0);
    expect(partial.incompleteBecause.length).toBeGreaterThan(0);
    expect((await records(db, 'drupal')).filter((r) => r.gone)).toHaveLength(0);
  });

  it('a redesigned site flags the source, in plain words, and marks nothing gone', async () => {
    sites.setVariant('drupal', 'redesign');
    try {
      const run = await runHarvest(db, 'drupal', options);
      expect(run.health.status).toBe('attention');
      expect(run.health.reasons[0]).toMatch(/found 0 items where previous runs found about 24/);
      expect(run.health.reasons[0]).toMatch(/the site may have changed/);
      expect(run.status).toBe('partial');
      expect(run.records.gone).toBe(0);
      const [source] = await db.query<{ health: string; health_reason: string }>(
        `SELECT health, health_reason FROM source WHERE slug = 'drupal'`,
      );
      expect(source?.health).toBe('attention');
      expect(source?.health_reason).toMatch(/site may have changed/);
    } finally {
      sites.setVariant('drupal', 'original');
    }
    const back = await runHarvest(db, 'drupal', options);
    expect(back.health.status).toBe('ok');
  });

  it('a field whose selector stops matching flags the source', async () => {
    sites.setVariant('drupal', 'redesign');
    // A config updated for the new listing, but still reading the old detail markup.
    await saveTestSource(
      db,
      'drupal',
      drupalConfig(sites.origin, {
        items: 'article.card',
        detailLink: 'a.card__link',
        pagination: { type: 'next-link', selector: 'a[rel=next]' },
        fields: {
          title: { selector: 'a.card__link', from: 'item' },
          carrier: { selector: '.field-name-field-porteur .name-block', from: 'detail' },
          city: { selector: '.project__place', from: 'detail' },
          summary: { selector: '.project__text', from: 'detail' },
        },
      }),
    );
    try {
      const run = await runHarvest(db, 'drupal', options);
      expect(run.configVersion).toBe(2);
      expect(run.records.found).toBe(24);
      expect(run.health.status).toBe('attention');
      expect(run.health.reasons.join(' ')).toMatch(/the carrier selector matched nothing on 24 of 24 items/);
    } finally {
      sites.setVariant('drupal', 'original');
      await saveTestSource(db, 'drupal', drupalConfig(sites.origin));
    }
  });

  it('marks gone only after a complete run, and never deletes', async () => {
    await db.query(
      `INSERT INTO raw_record (source_id, stable_key, content_hash, fields, first_seen_at, last_seen_at, changed_at)
       SELECT id, 'http://old.example/retired', 'x', '{}', now(), now(), now() FROM source WHERE slug = 'drupal'`,
    );
    const run = await runHarvest(db, 'drupal', options);
    expect(run.status).toBe('succeeded');
    expect(run.records.gone).toBe(1);
    const all = await records(db, 'drupal');
    expect(all).toHaveLength(25);
    expect(all.filter((r) => r.gone).map((r) => r.stable_key)).toEqual(['http://old.example/retired']);
  });

  it('one run per source at a time', async () => {
    const [source] = await db.query<{ id: number }>(`SELECT id FROM source WHERE slug = 'drupal'`);
    const runId = await claimRun(db, { sourceId: source?.id ?? 0, configVersion: 1, startedAt: new Date() });
    await expect(runHarvest(db, 'drupal', options)).rejects.toBeInstanceOf(RunInProgressError);
    // A run whose owner stopped sending heartbeats is taken over and marked failed.
    await db.query(`UPDATE harvest_run SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [runId]);
    const next = await runHarvest(db, 'drupal', options);
    expect(next.recoveredRuns).toEqual([runId]);
    const [old] = await db.query<{ status: string; error: string }>(
      `SELECT status, error FROM harvest_run WHERE id = $1`,
      [runId],
    );
    expect(old?.status).toBe('failed');
    expect(old?.error).toMatch(/interrupted/);
  });

  it('a preview extracts the first page and saves nothing', async () => {
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM harvest_run`);
    const preview = await previewSource(db, 'drupal', { ...options, limit: 3 });
    expect(preview.records).toHaveLength(3);
    expect(preview.diagnostics.fields.title?.matched).toBe(3);
    const after = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM harvest_run`);
    expect(after).toEqual(before);
  });

  it('refuses private targets in a real run when the instance does not allow them', async () => {
    const run = await runHarvest(db, 'drupal', {
      harvest: { ...TEST_HARVEST, allowPrivateNetworks: false },
      fetcher: TEST_FETCHER,
    });
    expect(run.status).toBe('failed');
    expect(run.records.found).toBe(0);
    expect(run.errors[0]?.reason).toMatch(/private|loopback|refused|not allowed/i);
    expect(sites.requests('/drupal/').length).toBeGreaterThan(0);
    expect((await records(db, 'drupal')).filter((r) => r.gone)).toHaveLength(1);
  });

  it('refuses a redirect to the cloud metadata address even where private networks are allowed', async () => {
    await saveTestSource(
      db,
      'metadata',
      drupalConfig(sites.origin, { startUrls: [`${sites.origin}/unstable/to-metadata`] }),
    );
    const run = await runHarvest(db, 'metadata', options);
    expect(run.status).toBe('failed');
    expect(run.errors[0]?.url).toBe(`${sites.origin}/unstable/to-metadata`);
    expect(run.errors[0]?.reason).toMatch(/169\.254\.169\.254|metadata/i);
    const [source] = await db.query<{ health: string; health_reason: string }>(
      `SELECT health, health_reason FROM source WHERE slug = 'metadata'`,
    );
    expect(source?.health).toBe('attention');
    expect(source?.health_reason).toMatch(/^the last run failed/);
  });

  it('a run whose process died while storing is taken over: the batches written stay, none twice', async () => {
    await saveTestSource(db, 'crash', drupalConfig(sites.origin));
    const [source] = await db.query<{ id: number }>(`SELECT id FROM source WHERE slug = 'crash'`);
    const sourceId = source?.id ?? 0;
    const crashed = await claimRun(db, { sourceId, configVersion: 1, startedAt: new Date() });
    // As if the process (a pid that does not exist on this machine) died after one batch.
    await db.query(`UPDATE harvest_run SET owner = $2 WHERE id = $1`, [crashed, `${hostname()}:4194303`]);
    const firstPage = await previewSource(db, 'crash', { ...options, limit: 10 });
    await db.transaction((tx) =>
      storeHarvestBatch(tx, {
        sourceId,
        runId: crashed,
        seenAt: new Date(),
        records: toIncomingRecords(firstPage.records),
      }),
    );

    const next = await runHarvest(db, 'crash', options);
    expect(next.recoveredRuns).toEqual([crashed]);
    expect(next.status).toBe('succeeded');
    expect(next.records).toMatchObject({ found: 24, new: 14, unchanged: 10, gone: 0 });
    const [counts] = await db.query<{ rows: number; keys: number; pending: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT stable_key)::int AS keys,
         count(*) FILTER (WHERE consolidate_pending)::int AS pending
       FROM raw_record WHERE source_id = $1`,
      [sourceId],
    );
    expect(counts).toEqual({ rows: 24, keys: 24, pending: 24 });
  });
});
