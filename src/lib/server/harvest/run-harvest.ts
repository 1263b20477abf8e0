import { InvalidParameterError } from '../errors.ts';
import type { HarvestConfig } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import type { SourceConfig } from './config/source-config.schema.ts';
import { validateSourceConfig } from './config/validate-source-config.ts';
import { crawlSource } from './crawl-source.ts';
import type { CrawlDiagnostics, HarvestedRecord } from './extract/crawl-types.ts';
import type { FetcherOptions } from './fetch/index.ts';
import { toIncomingRecords } from './incoming-records.ts';
import { createRunFetchPage } from './run-fetch-page.ts';
import { claimRun, finishRun, heartbeat, recentRuns, recoverStaleRuns } from './run-repository.ts';
import { getSourceConfig } from './source-configs.ts';
import { assessHealth, type RunFigures } from './source-health.ts';
import { markGone, storeHarvestBatch } from './store-harvest-batch.ts';

export interface HarvestProgress {
  phase: 'crawling' | 'storing' | 'done';
  pagesFetched: number;
  /** The most listing pages the config allows (the crawl may stop earlier). */
  maxPages: number;
  bytes: number;
  recordsStored: number;
  recordsTotal: number;
}

export interface HarvestOptions {
  /** Run the config on the first page(s) and save nothing. */
  preview?: boolean;
  /** Keep at most this many records; a run cut by it is partial (marks nothing gone). */
  limit?: number;
  onProgress?: (progress: HarvestProgress) => void;
  /** The instance's harvest settings (robots contact, private networks, Chromium). */
  harvest: HarvestConfig;
  /** Tests and the benchmark: fetcher settings beyond the source's politeness. */
  fetcher?: Partial<FetcherOptions>;
  /** A running run without heartbeat for this long is taken over. Default 10 minutes. */
  staleAfterMs?: number;
  /** Records written per transaction. Default 50. */
  batchSize?: number;
  now?: () => Date;
}

export interface FieldStats {
  items: number;
  matched: number;
  fillRate: number;
}

export interface HarvestReport {
  runId: number;
  source: string;
  configVersion: number;
  status: 'succeeded' | 'partial' | 'failed';
  pagesFetched: number;
  bytes: number;
  durationMs: number;
  records: { found: number; new: number; changed: number; unchanged: number; gone: number };
  fields: Record<string, FieldStats>;
  errors: { url: string; reason: string }[];
  /** Why nothing was marked gone (empty after a complete run). */
  incompleteBecause: string[];
  messages: string[];
  health: { status: 'ok' | 'attention'; reasons: string[] };
  /** Runs of this source found interrupted (their process died) and marked failed first. */
  recoveredRuns: number[];
}

export interface PreviewReport {
  configVersion: number | null;
  pagesFetched: number;
  records: HarvestedRecord[];
  diagnostics: CrawlDiagnostics;
  errors: { url: string; reason: string }[];
  complete: boolean;
  incompleteBecause: string[];
}

const HEARTBEAT_MS = 5_000;

function parseStoredConfig(config: Record<string, unknown>, slug: string): SourceConfig {
  const checked = validateSourceConfig(config);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new InvalidParameterError(
      'config',
      `the saved config of ${slug} is not valid any more (${first?.path}: ${first?.message}); fix it with \`tadata sources add\``,
    );
  }
  return checked.config;
}

/**
 * Runs a config on its first page(s) and saves nothing: the records it extracts and, per
 * field, how often the selector matched. For `--preview` and the partner back office.
 */
export async function previewConfig(
  config: SourceConfig,
  options: { harvest: HarvestConfig; limit?: number; fetcher?: Partial<FetcherOptions> },
): Promise<Omit<PreviewReport, 'configVersion'>> {
  const run = createRunFetchPage(options.harvest, config, options.fetcher);
  try {
    const result = await crawlSource(config, run.fetchPage, { preview: true, limit: options.limit ?? 20 });
    return {
      pagesFetched: result.pagesFetched,
      records: result.records,
      diagnostics: result.diagnostics,
      errors: result.errors,
      complete: result.complete,
      incompleteBecause: result.incompleteBecause,
    };
  } finally {
    await run.close();
  }
}

/** The preview of a saved source (its current config). */
export async function previewSource(
  db: Database,
  slug: string,
  options: { harvest: HarvestConfig; limit?: number; fetcher?: Partial<FetcherOptions> },
): Promise<PreviewReport> {
  const saved = await getSourceConfig(db, slug);
  const config = parseStoredConfig(saved.config, slug);
  return { configVersion: saved.version, ...(await previewConfig(config, options)) };
}

/**
 * Harvests a source with its current config version: fetch politely, extract, then store the
 * records in small transactions keyed by (source, stable key). One run per source at a time
 * (RunInProgressError otherwise). A crash loses nothing and duplicates nothing: the next run
 * marks the interrupted one failed and redoes the work, reaching the same records. Records are
 * marked gone only after a complete run that did not collapse; the source's health is updated.
 */
export async function runHarvest(
  db: Database,
  slug: string,
  options: HarvestOptions,
): Promise<HarvestReport> {
  const now = options.now ?? (() => new Date());
  const saved = await getSourceConfig(db, slug);
  const config = parseStoredConfig(saved.config, slug);
  const sourceId = saved.source.id;
  const started = now();
  const startedMs = Date.now();

  const recoveredRuns = await recoverStaleRuns(db, sourceId, {
    staleAfterMs: options.staleAfterMs ?? 10 * 60_000,
    now: started,
  });
  const runId = await claimRun(db, { sourceId, configVersion: saved.version, startedAt: started });
  const beat = setInterval(() => {
    heartbeat(db, runId).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();

  const fetch = createRunFetchPage(options.harvest, config, options.fetcher);
  const progress: HarvestProgress = {
    phase: 'crawling',
    pagesFetched: 0,
    maxPages: config.maxPages,
    bytes: 0,
    recordsStored: 0,
    recordsTotal: 0,
  };
  const report = (update: Partial<HarvestProgress>) => {
    Object.assign(progress, update);
    options.onProgress?.({ ...progress });
  };
  const countingFetch: typeof fetch.fetchPage = async (url, fetchOptions) => {
    try {
      return await fetch.fetchPage(url, fetchOptions);
    } finally {
      report({ pagesFetched: fetch.counters.pages, bytes: fetch.counters.bytes });
    }
  };

  try {
    const crawl = await crawlSource(config, countingFetch, { limit: options.limit });
    const incompleteBecause = [...crawl.incompleteBecause, ...fetch.incompleteBecause];
    const complete = crawl.complete && fetch.incompleteBecause.length === 0;
    const seenAt = now();

    const incoming = toIncomingRecords(crawl.records);
    const counts = { found: incoming.length, new: 0, changed: 0, unchanged: 0, gone: 0 };
    report({ phase: 'storing', recordsTotal: incoming.length });
    const batchSize = options.batchSize ?? 50;
    for (let at = 0; at < incoming.length; at += batchSize) {
      const batch = incoming.slice(at, at + batchSize);
      // One small transaction per batch: a crash keeps the batches already written.
      const stored = await db.transaction((tx) =>
        storeHarvestBatch(tx, { sourceId, runId, seenAt, records: batch }),
      );
      counts.new += stored.new;
      counts.changed += stored.changed;
      counts.unchanged += stored.unchanged;
      report({ recordsStored: at + batch.length });
    }

    const failed = incoming.length === 0 && crawl.errors.length > 0;
    const status: HarvestReport['status'] = failed ? 'failed' : complete ? 'succeeded' : 'partial';
    const fields = crawl.diagnostics.fields;
    const previous = await recentRuns(db, sourceId, 5);
    const verdict = assessHealth(
      { status, found: counts.found, fields, error: failed ? crawl.errors[0]?.reason : null },
      previous.map(figuresOf),
    );
    if (status === 'succeeded' && verdict.itemCountCollapsed) {
      incompleteBecause.push('the item count collapsed compared with previous runs');
    }
    const markAnythingGone = status === 'succeeded' && !verdict.itemCountCollapsed;
    const finalStatus = status === 'succeeded' && verdict.itemCountCollapsed ? 'partial' : status;
    const durationMs = Date.now() - startedMs;
    const result: HarvestReport = {
      runId,
      source: slug,
      configVersion: saved.version,
      status: finalStatus,
      pagesFetched: fetch.counters.pages,
      bytes: fetch.counters.bytes,
      durationMs,
      records: counts,
      fields,
      errors: crawl.errors,
      incompleteBecause,
      messages: crawl.diagnostics.messages,
      health: { status: verdict.health, reasons: verdict.reasons },
      recoveredRuns,
    };
    await db.transaction(async (tx) => {
      if (markAnythingGone) {
        counts.gone = (await markGone(tx, { sourceId, runId, at: seenAt })).length;
      }
      await finishRun(tx, runId, {
        status: finalStatus,
        stats: statsOf(result),
        ...(failed ? { error: `no page could be read: ${crawl.errors[0]?.reason ?? 'unknown'}` } : {}),
      });
      await tx.query(
        `UPDATE source SET health = $2, health_reason = $3, health_checked_at = $4 WHERE id = $1`,
        [sourceId, verdict.health, verdict.reasons.join('; ') || null, seenAt],
      );
    });
    // PGlite has no autovacuum: after a bulk write, fresh statistics keep consolidation's plans right.
    if (counts.new + counts.changed + counts.gone >= 1000) await db.exec('ANALYZE raw_record');
    report({ phase: 'done' });
    return result;
  } catch (error) {
    await finishRun(db, runId, {
      status: 'failed',
      stats: { pagesFetched: fetch.counters.pages, bytes: fetch.counters.bytes },
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => {});
    throw error;
  } finally {
    clearInterval(beat);
    await fetch.close();
  }
}

/** What a run stores in harvest_run.stats (a JSON document; docs/architecture.md lists it). */
function statsOf(report: HarvestReport): Record<string, unknown> {
  return {
    pagesFetched: report.pagesFetched,
    bytes: report.bytes,
    durationMs: report.durationMs,
    ...report.records,
    fields: report.fields,
    errors: report.errors.slice(0, 200),
    errorCount: report.errors.length,
    incompleteBecause: report.incompleteBecause,
    messages: report.messages,
    health: report.health,
  };
}

function figuresOf(run: { status: string; stats: Record<string, unknown> }): RunFigures {
  const stats = run.stats;
  return {
    status: run.status === 'succeeded' ? 'succeeded' : run.status === 'partial' ? 'partial' : 'failed',
    found: typeof stats.found === 'number' ? stats.found : 0,
    fields: (stats.fields ?? {}) as RunFigures['fields'],
  };
}
