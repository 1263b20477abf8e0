import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSites, type TestSites } from '../../../../test/sites/start-test-sites.ts';
import {
  drupalConfig,
  saveTestSource,
  TEST_FETCHER,
  TEST_HARVEST,
} from '../../../../test/support/harvest-runs.ts';
import { silentLogger } from '../../../../test/support/silent-logger.ts';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { type JobQueue, startJobQueue } from '../platform/jobs.ts';
import { dueSources, type HarvestWorker, startHarvestWorker } from './harvest-jobs.ts';

async function waitFor<T>(what: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await what();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

describe(`scheduled harvests through pg-boss (${testDatabaseKind()})`, () => {
  let db: Database;
  let sites: TestSites;
  let boss: JobQueue;
  let worker: HarvestWorker;

  beforeAll(async () => {
    db = await openTestDatabase();
    sites = await startTestSites();
    await saveTestSource(db, 'drupal', drupalConfig(sites.origin, { frequency: 'hourly' }));
    await saveTestSource(db, 'drupal-manual', drupalConfig(sites.origin, { frequency: 'manual' }));
    boss = await startJobQueue(db, { maintenance: false });
    worker = await startHarvestWorker(db, boss, {
      harvest: TEST_HARVEST,
      fetcher: TEST_FETCHER,
      logger: silentLogger,
      pollingIntervalSeconds: 0.5,
      scheduleEveryMs: 3_600_000,
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await boss?.stop({ graceful: false, wait: true, timeout: 2_000 });
    await sites?.stop();
    await db?.close();
  });

  it('enqueues due sources, runs them, then feeds consolidation through the queue', async () => {
    expect(await dueSources(db, new Date())).toEqual(['drupal']);
    await worker.schedule();
    const run = await waitFor(async () => {
      const [row] = await db.query<{ status: string }>(
        `SELECT r.status FROM harvest_run r JOIN source s ON s.id = r.source_id
         WHERE s.slug = 'drupal' AND r.status <> 'running'`,
      );
      return row;
    });
    expect(run.status).toBe('succeeded');
    const consolidated = await waitFor(async () => {
      const [row] = await db.query<{ state: string }>(
        `SELECT state FROM pgboss.job WHERE name = 'consolidate' AND state = 'completed'`,
      );
      return row;
    });
    expect(consolidated.state).toBe('completed');
    const [pending] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM raw_record WHERE consolidate_pending`,
    );
    expect(pending?.n).toBe(0);
    const [published] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM project WHERE published`,
    );
    expect(published?.n).toBe(24);
    // Harvested within the hour: nothing due any more.
    expect(await dueSources(db, new Date())).toEqual([]);
    expect(await worker.schedule()).toEqual([]);
  }, 60_000);
});
