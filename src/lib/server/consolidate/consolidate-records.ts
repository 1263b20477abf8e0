import { createHash } from 'node:crypto';
import { InvalidParameterError } from '../errors.ts';
import { type Exclusion, parseExclusions } from '../partners/exclusions.ts';
import type { Queryable } from '../platform/db/database.ts';
import type { BuiltBatch, RecordRow, SourcePlan } from './build-records.ts';
import { withIndexesRebuilt } from './bulk-indexes.ts';
import {
  ANALYZE_RECORD_KEYS,
  ANALYZE_SEARCH_WORDS,
  ANALYZE_WRITTEN,
  ANALYZE_WRITTEN_KEYS,
  CHANGED_RECORDS_TO_CONSOLIDATE,
  countRecords,
  MARK_CONSOLIDATED,
  RECORDS_TO_CONSOLIDATE,
  RECORDS_WITH_OTHER_RULES,
  REFRESH_ALL_PUBLICATION,
  REFRESH_PUBLICATION,
  SOURCE_CONSOLIDATED_RULES,
  SOURCES_TO_CONSOLIDATE,
  TAKEN_SLUGS,
} from './consolidation.queries.ts';
import { withSearchUpkeepDeferred } from './deferred-search-upkeep.ts';
import { BLOCKING_FROM, type DuplicatesReport, startDuplicates } from './duplicates/resolve-duplicates.ts';
import { loadSharedContext, type SharedContext } from './load-context.ts';
import { harvestedDefaultMapping } from './mapping/harvested-default-mapping.ts';
import { parseSourceMapping, type SourceMapping } from './mapping/mapping-schema.ts';
import { helperOnThisThread, helperOnWorkerThread } from './parallel/consolidation-helper.ts';
import { rebuildMergedProjects } from './rebuild-merged-projects.ts';
import { writeBatch } from './write-batch.ts';

export interface ConsolidateOptions {
  /** Every live raw record, whatever it was consolidated with (`tadata consolidate --full`). */
  full?: boolean;
  /** Only these sources (an import consolidates its own); default all. */
  sourceIds?: number[];
  /** Reference data already loaded. */
  shared?: SharedContext;
  batchSize?: number;
  /**
   * Drop the secondary indexes of the rewritten tables during the run and build them again at
   * the end (a full run on PGlite, where no other reader waits on the locks meanwhile).
   */
  rebuildIndexes?: boolean;
  /** From this many projects touched, duplicates are found by the full run's blocking (BLOCKING_FROM). */
  duplicatesBlockingFrom?: number;
  /** From this many records to read, a worker thread maps them and scores duplicates (WORKER_THREAD_FROM). */
  workerThreadFrom?: number;
}

/** From this many records read, the run refreshes the planner's statistics (PGlite has no autovacuum). */
const ANALYZE_FROM = 1000;
/**
 * From this many records, mapping and cleaning, and scoring duplicates, run on a worker thread
 * while the database works (on a second core): starting one costs about half a second.
 */
export const WORKER_THREAD_FROM = 5000;

export interface ConsolidationWarning {
  source: string;
  key: string;
  message: string;
}

export interface ConsolidateReport {
  /** Raw records read and consolidated in this run. */
  records: number;
  created: number;
  updated: number;
  /** Records that stay linked but hidden: the partner excluded them. */
  excluded: number;
  /** Records the mapping could not read (no name): left as they were. */
  failed: number;
  unpublished: number;
  republished: number;
  duplicates: DuplicatesReport;
  warnings: ConsolidationWarning[];
  /** Records were mapped and duplicates scored on a worker thread (WORKER_THREAD_FROM). */
  workerThread: boolean;
  /** Milliseconds spent per stage, for the benchmark and the logs. */
  stageMs: {
    read: number;
    'map and clean': number;
    write: number;
    'merged projects': number;
    duplicates: number;
    publication: number;
    /** The word dictionary of a full run, indexes rebuilt, planner statistics. */
    'indexes and statistics': number;
  };
  durationMs: number;
}

interface SourceRow {
  id: number;
  slug: string;
  trust: number;
  status: string;
  configVersion: number;
  config: { mapping?: unknown } | null;
  partnerId: number;
  partnerSlug: string;
  partnerName: string;
  partnerWebsite: string | null;
  licence: string;
  tagRuleKey: string | null;
  exclusions: unknown;
  mediaAllowed: boolean;
}

/** What a record's consolidation depends on besides its content: config version, source trust, partner rules. */
function rulesSuffix(source: SourceRow, exclusions: Exclusion[]): string {
  const rules = JSON.stringify([
    source.trust,
    source.status,
    source.partnerName,
    source.partnerWebsite,
    source.licence,
    source.tagRuleKey,
    exclusions,
    source.mediaAllowed,
  ]);
  return `:${source.configVersion}:${createHash('sha256').update(rules).digest('hex').slice(0, 16)}`;
}

function mappingOf(source: SourceRow): SourceMapping {
  if (!source.config?.mapping) {
    throw new InvalidParameterError('mapping', `source ${source.slug} has no field mapping in its config`);
  }
  return parseSourceMapping(source.config.mapping);
}

/**
 * Turns raw records into projects from raw_record.fields alone, through each source's mapping.
 * Incremental by default: only records whose content, source config or partner rules changed
 * since they were last consolidated. Deterministic: sources by slug, records by stable key,
 * public ids derived from (source, key), so the same input gives the same projects and ids.
 * Run it inside a transaction.
 */
export async function consolidateRecords(
  db: Queryable,
  options: ConsolidateOptions = {},
): Promise<ConsolidateReport> {
  const started = Date.now();
  // A run over every project counts the words of the search dictionary and the public credits
  // once, at the end.
  const everyProject = options.full && !options.sourceIds;
  const rewrite = (buildIndexes: IndexBuilder | null) =>
    everyProject
      ? withSearchUpkeepDeferred(db, () => consolidate(db, options, buildIndexes))
      : consolidate(db, options, buildIndexes);
  const report = options.rebuildIndexes ? await withIndexesRebuilt(db, rewrite) : await rewrite(null);
  // The records were analysed with the written tables from ANALYZE_FROM on: the words remain.
  if (report.records >= ANALYZE_FROM) await db.exec(ANALYZE_SEARCH_WORDS);
  else if (options.full) await db.exec(ANALYZE_RECORD_KEYS);
  report.stageMs['indexes and statistics'] += Date.now() - started - report.durationMs;
  report.durationMs = Date.now() - started;
  return report;
}

/** Builds the indexes of these tables that withIndexesRebuilt dropped, when the run has them built early. */
type IndexBuilder = (tables: readonly string[]) => Promise<void>;

async function consolidate(
  db: Queryable,
  options: ConsolidateOptions,
  buildIndexes: IndexBuilder | null,
): Promise<ConsolidateReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 1000;
  const shared = options.shared ?? (await loadSharedContext(db));
  const report: ConsolidateReport = {
    records: 0,
    created: 0,
    updated: 0,
    excluded: 0,
    failed: 0,
    unpublished: 0,
    republished: 0,
    duplicates: { candidates: 0, merged: 0, pending: 0 },
    warnings: [],
    workerThread: false,
    stageMs: {
      read: 0,
      'map and clean': 0,
      write: 0,
      'merged projects': 0,
      duplicates: 0,
      publication: 0,
      'indexes and statistics': 0,
    },
    durationMs: 0,
  };
  const sources = await db.query<SourceRow>(SOURCES_TO_CONSOLIDATE, [options.sourceIds ?? null]);
  let taken: Set<string> | null = null;
  const touched = new Set<number>();
  const stageMs = report.stageMs;
  let clock = performance.now();
  const lap = (stage: keyof ConsolidateReport['stageMs']) => {
    const now = performance.now();
    stageMs[stage] += now - clock;
    clock = now;
  };

  const runs = await planRuns(db, sources, options);
  const plans = runs.map((r) => r.plan);
  report.workerThread = await atLeast(db, runs, options.workerThreadFrom ?? WORKER_THREAD_FROM);
  const helper = report.workerThread
    ? helperOnWorkerThread(plans, shared)
    : helperOnThisThread(plans, shared);
  lap('read');
  const slugs = async () => {
    taken ??= new Set((await db.query<{ slug: string }>(TAKEN_SLUGS)).map((r) => r.slug));
    return taken;
  };
  try {
    const batches = readBatches(db, runs, batchSize);
    // The next batch is read and handed to the helper before this one is written: on a worker
    // thread, it is mapped meanwhile.
    const ahead = async () => {
      const next = await batches.next();
      lap('read');
      if (next.done) return null;
      const { plan, run, records } = next.value;
      const built = helper.map(plan, records);
      built.catch(() => {}); // awaited below; a failed write must not leave it unhandled
      lap('map and clean');
      return { run, records, built };
    };
    for (let current = await ahead(); current; ) {
      const next = await ahead();
      const batch: BuiltBatch = await current.built;
      lap('map and clean');
      report.failed += batch.failed;
      report.warnings.push(...batch.warnings);
      const written = await writeBatch(db, batch.built, slugs);
      report.created += written.created;
      report.updated += written.updated;
      report.excluded += written.excluded;
      for (const id of written.projectIds) touched.add(id);
      await db.query(MARK_CONSOLIDATED, [
        JSON.stringify(current.records.map((r) => ({ id: r.id, key: r.consolidatedKey }))),
      ]);
      report.records += current.records.length;
      lap('write');
      current = next;
    }

    if (report.records >= ANALYZE_FROM) await db.exec(options.full ? ANALYZE_WRITTEN_KEYS : ANALYZE_WRITTEN);
    lap('write');
    // A run over every source touched every project with a live record: no id list needed.
    await rebuildMergedProjects(db, options.full && !options.sourceIds ? null : [...touched]);
    lap('merged projects');
    const decideDuplicates = await startDuplicates(
      db,
      options.full ? null : [...touched],
      options.duplicatesBlockingFrom ?? BLOCKING_FROM,
      helper.score,
    );
    lap('duplicates');
    if (buildIndexes && helper.onWorkerThread) {
      // The pairs are scored on the worker thread meanwhile; the few merges then keep the indexes
      // (the word dictionary, rewritten whole at the end, gets its own afterwards).
      await buildIndexes(['project', 'project_location', 'project_source']);
      lap('indexes and statistics');
    }
    report.duplicates = await decideDuplicates();
    lap('duplicates');
  } finally {
    await helper.close();
  }
  const changed = options.full
    ? await db.query<{ id: number; live: boolean }>(REFRESH_ALL_PUBLICATION)
    : await db.query<{ id: number; live: boolean }>(REFRESH_PUBLICATION, [[...touched]]);
  for (const row of changed) {
    if (row.live) report.republished++;
    else report.unpublished++;
  }
  lap('publication');
  report.durationMs = Date.now() - started;
  return report;
}

interface SourceRun {
  source: SourceRow;
  suffix: string;
  /** RECORDS_TO_CONSOLIDATE or one of its incremental forms. */
  query: string;
  plan: SourcePlan;
}

/** What the run reads of each source, and how it maps it; sources without a mapping are left out. */
async function planRuns(
  db: Queryable,
  sources: SourceRow[],
  options: ConsolidateOptions,
): Promise<SourceRun[]> {
  const runs: SourceRun[] = [];
  for (const source of sources) {
    const mapping = source.config?.mapping ? mappingOf(source) : await harvestedDefaultMapping(db, source.id);
    if (!mapping) continue; // no mapping and nothing recognisable in the records: nothing to map
    const exclusions = parseExclusions(source.exclusions ?? []);
    const suffix = rulesSuffix(source, exclusions);
    runs.push({
      source,
      suffix,
      query: options.full ? RECORDS_TO_CONSOLIDATE : await changedRecordsQuery(db, source.id, suffix),
      plan: {
        sourceId: source.id,
        slug: source.slug,
        partnerId: source.partnerId,
        partnerSlug: source.partnerSlug,
        active: source.status === 'active',
        licence: source.licence,
        mapping,
        exclusions,
        partnerName: source.tagRuleKey ?? source.partnerName,
        partnerWebsite: source.partnerWebsite,
        mediaAllowed: source.mediaAllowed,
      },
    });
  }
  return runs;
}

/** Each source's records to consolidate, batch after batch (keyset pages by stable key). */
async function* readBatches(
  db: Queryable,
  runs: readonly SourceRun[],
  batchSize: number,
): AsyncGenerator<{ plan: number; run: SourceRun; records: RecordRow[] }> {
  for (const [plan, run] of runs.entries()) {
    let after = '';
    for (;;) {
      const records = await db.query<RecordRow>(run.query, [run.source.id, after, run.suffix, batchSize]);
      if (!records.length) break;
      yield { plan, run, records };
      if (records.length < batchSize) break;
      after = (records.at(-1) as RecordRow).stableKey;
    }
  }
}

/** Whether the run has at least `threshold` records to read (counted no further). */
async function atLeast(db: Queryable, runs: readonly SourceRun[], threshold: number): Promise<boolean> {
  if (!Number.isFinite(threshold)) return false;
  let remaining = threshold;
  for (const run of runs) {
    if (remaining <= 0) break;
    const [row] = await db.query<{ n: number }>(countRecords(run.query), [
      run.source.id,
      '',
      run.suffix,
      remaining,
    ]);
    remaining -= row?.n ?? 0;
  }
  return remaining <= 0;
}

/**
 * What an incremental run reads of a source: when no record was consolidated with other rules (the
 * usual case), only the records whose content changed, through a small index; otherwise every
 * record consolidated with another content or other rules.
 */
async function changedRecordsQuery(db: Queryable, sourceId: number, suffix: string): Promise<string> {
  const [rules] = await db.query<{ lowest: string | null; highest: string | null }>(
    SOURCE_CONSOLIDATED_RULES,
    [sourceId],
  );
  const sameRules = !rules?.lowest || (rules.lowest === suffix && rules.highest === suffix);
  return sameRules ? CHANGED_RECORDS_TO_CONSOLIDATE : RECORDS_WITH_OTHER_RULES;
}
