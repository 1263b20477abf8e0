import type { HarvestConfig } from '../platform/config.ts';
import type { Database, Queryable } from '../platform/db/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/logger.ts';
import { consolidateHarvestedRecords } from './consolidate-hook.ts';
import type { FetcherOptions } from './fetch/index.ts';
import { runHarvest } from './run-harvest.ts';
import { RunInProgressError } from './run-repository.ts';

export const HARVEST_QUEUE = 'harvest';
export const CONSOLIDATE_QUEUE = 'consolidate';

interface HarvestJob {
  source: string;
}
interface ConsolidateJob {
  sourceId: number;
}

/**
 * Creates the queues. "stately": per source (singletonKey) at most one job waiting and one
 * running, so the scheduler can enqueue every minute without piling runs up.
 */
export async function createHarvestQueues(boss: JobQueue): Promise<void> {
  for (const name of [HARVEST_QUEUE, CONSOLIDATE_QUEUE]) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'stately' });
  }
}

export async function enqueueHarvest(boss: JobQueue, source: string): Promise<string | null> {
  return boss.send(HARVEST_QUEUE, { source } satisfies HarvestJob, {
    singletonKey: source,
    // A run may take long on a polite site (1 request per second).
    expireInHours: 12,
    retryLimit: 0,
  });
}

export async function enqueueConsolidation(boss: JobQueue, sourceId: number): Promise<string | null> {
  return boss.send(CONSOLIDATE_QUEUE, { sourceId } satisfies ConsolidateJob, {
    singletonKey: String(sourceId),
    retryLimit: 3,
  });
}

/**
 * Sources whose frequency says a run is due: no harvest run started within their period.
 * "manual" sources (and file imports, which have no frequency) are never scheduled.
 */
export async function dueSources(db: Queryable, now: Date): Promise<string[]> {
  const rows = await db.query<{ slug: string }>(
    `SELECT s.slug
     FROM source s
     JOIN source_config_version v ON v.source_id = s.id AND v.version = s.current_version
     CROSS JOIN LATERAL (SELECT CASE v.config->>'frequency'
         WHEN 'hourly' THEN interval '1 hour'
         WHEN 'daily' THEN interval '1 day'
         WHEN 'weekly' THEN interval '7 days'
         WHEN 'monthly' THEN interval '1 month'
       END AS period) f
     WHERE f.period IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM harvest_run r
         WHERE r.source_id = s.id AND r.trigger = 'harvest'
           AND (r.status = 'running' OR r.started_at > $1::timestamptz - f.period))
     ORDER BY s.slug`,
    [now],
  );
  return rows.map((r) => r.slug);
}

export interface HarvestWorkerOptions {
  harvest: HarvestConfig;
  logger: Logger;
  /** How often the scheduler looks for due sources. Default 60 s. */
  scheduleEveryMs?: number;
  /** Tests: fetcher settings beyond each source's politeness. */
  fetcher?: Partial<FetcherOptions>;
  /** How often an idle worker polls for jobs. Default 2 s. */
  pollingIntervalSeconds?: number;
}

export interface HarvestWorker {
  /** Runs one scheduling pass now (also done every scheduleEveryMs). */
  schedule(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * The worker (runs harvest and consolidate jobs) and the scheduler (enqueues due runs). The
 * embedded server runs both; with PostgreSQL, `tadata worker` runs them in their own process.
 */
export async function startHarvestWorker(
  db: Database,
  boss: JobQueue,
  options: HarvestWorkerOptions,
): Promise<HarvestWorker> {
  const { logger } = options;
  await createHarvestQueues(boss);
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };

  await boss.work<HarvestJob>(HARVEST_QUEUE, polling, async ([job]) => {
    if (!job) return;
    try {
      const report = await runHarvest(db, job.data.source, {
        harvest: options.harvest,
        ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      });
      logger.info(
        {
          source: report.source,
          status: report.status,
          records: report.records,
          health: report.health.status,
        },
        'harvest run finished',
      );
      if (report.records.new + report.records.changed > 0) {
        const [source] = await db.query<{ id: number }>(`SELECT id FROM source WHERE slug = $1`, [
          report.source,
        ]);
        if (source) await enqueueConsolidation(boss, source.id);
      }
    } catch (error) {
      // Another process is already harvesting it: nothing to retry.
      if (error instanceof RunInProgressError) {
        logger.info({ source: job.data.source, reason: error.message }, 'harvest skipped');
        return;
      }
      throw error;
    }
  });

  await boss.work<ConsolidateJob>(CONSOLIDATE_QUEUE, polling, async ([job]) => {
    if (!job) return;
    const { pending, consolidated } = await consolidateHarvestedRecords(db, { sourceId: job.data.sourceId });
    logger.info(
      { sourceId: job.data.sourceId, pending: pending.length, consolidated },
      'harvested records consolidated',
    );
  });

  const schedule = async (): Promise<string[]> => {
    const due = await dueSources(db, new Date());
    const sent: string[] = [];
    for (const source of due) if (await enqueueHarvest(boss, source)) sent.push(source);
    if (sent.length) logger.info({ sources: sent }, 'harvest runs scheduled');
    return sent;
  };
  const timer = setInterval(() => {
    schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
  }, options.scheduleEveryMs ?? 60_000);
  timer.unref();
  void schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));

  return {
    schedule,
    async stop() {
      clearInterval(timer);
      await boss.offWork(HARVEST_QUEUE);
      await boss.offWork(CONSOLIDATE_QUEUE);
    },
  };
}
