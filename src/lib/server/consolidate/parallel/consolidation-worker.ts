import { parentPort, workerData } from 'node:worker_threads';
import { buildRecords, type SourcePlan } from '../build-records.ts';
import { scoreCandidates } from '../duplicates/score-candidates.ts';
import { sharedContextFrom } from '../load-context.ts';
import type { HelperReply, HelperRequest, HelperWorkerData } from './consolidation-helper.ts';

// The worker side of helperOnWorkerThread: requests come and are answered in order, one at a time.
const { plans, data } = workerData as HelperWorkerData;
const shared = sharedContextFrom(data);
const port = parentPort;
if (!port) throw new Error('consolidation-worker.ts runs on a worker thread (helperOnWorkerThread)');
port.on('message', (request: HelperRequest) => {
  let reply: HelperReply;
  try {
    reply =
      request.kind === 'map'
        ? { id: request.id, batch: buildRecords(request.records, plans[request.plan] as SourcePlan, shared) }
        : { id: request.id, scored: scoreCandidates(request.rows, request.touched, request.blocking) };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply);
});
