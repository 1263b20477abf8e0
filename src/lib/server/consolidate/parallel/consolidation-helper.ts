import { Worker } from 'node:worker_threads';
import { fromAppRoot } from '../../platform/app-root.ts';
import { type BuiltBatch, buildRecords, type RecordRow, type SourcePlan } from '../build-records.ts';
import type { PairScorer } from '../duplicates/resolve-duplicates.ts';
import { type DedupRow, type ScoredPairs, scoreCandidates } from '../duplicates/score-candidates.ts';
import type { SharedContext, SharedContextData } from '../load-context.ts';

/**
 * The database-free work of a run: mapping and cleaning batches of records, scoring duplicate
 * pairs. Several calls may be in flight; each resolves with its own result.
 */
export interface ConsolidationHelper {
  /** A worker thread does the work: the calling thread is free meanwhile. */
  readonly onWorkerThread: boolean;
  map(plan: number, records: RecordRow[]): Promise<BuiltBatch>;
  score: PairScorer;
  close(): Promise<void>;
}

export interface HelperWorkerData {
  plans: SourcePlan[];
  data: SharedContextData;
}

export type HelperRequest =
  | { id: number; kind: 'map'; plan: number; records: RecordRow[] }
  | { id: number; kind: 'score'; rows: DedupRow[]; touched: number[] | null; blocking: boolean };

export type HelperReply =
  | { id: number; batch: BuiltBatch }
  | { id: number; scored: ScoredPairs }
  | { id: number; error: string };

/** A plain JavaScript entry: it gives the worker thread the TypeScript loader the caller's thread has. */
const WORKER_ENTRY = 'src/lib/server/consolidate/parallel/consolidation-worker.js';

/** Does each piece of work on the calling thread, when it is asked for. */
export function helperOnThisThread(plans: readonly SourcePlan[], shared: SharedContext): ConsolidationHelper {
  return {
    onWorkerThread: false,
    map: async (plan, records) => buildRecords(records, plans[plan] as SourcePlan, shared),
    score: async (rows, touched, blocking) => scoreCandidates(rows, touched, blocking),
    close: async () => {},
  };
}

/**
 * Does the work on a worker thread: PGlite runs on the calling thread, so mapping the next batch
 * while this one is written, and scoring duplicates while indexes are built, take a second core.
 */
export function helperOnWorkerThread(plans: SourcePlan[], shared: SharedContext): ConsolidationHelper {
  const worker = new Worker(fromAppRoot(WORKER_ENTRY), {
    workerData: { plans, data: shared.data } satisfies HelperWorkerData,
    execArgv: [],
  });
  const waiting = new Map<
    number,
    { resolve: (reply: HelperReply) => void; reject: (error: Error) => void }
  >();
  let failure: Error | null = null;
  let next = 0;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: HelperReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!w) return;
    if ('error' in reply) w.reject(new Error(`consolidation worker thread: ${reply.error}`));
    else w.resolve(reply);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the consolidation worker thread stopped (exit code ${code})`)));
  const call = (request: HelperRequest): Promise<HelperReply> => {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  };
  return {
    onWorkerThread: true,
    async map(plan, records) {
      const reply = await call({ id: next++, kind: 'map', plan, records });
      if (!('batch' in reply)) throw new Error('consolidation worker thread: a batch was expected');
      return reply.batch;
    },
    async score(rows, touched, blocking) {
      const reply = await call({ id: next++, kind: 'score', rows, touched, blocking });
      if (!('scored' in reply)) throw new Error('consolidation worker thread: scores were expected');
      return reply.scored;
    },
    async close() {
      worker.removeAllListeners();
      waiting.clear();
      await worker.terminate();
    },
  };
}
