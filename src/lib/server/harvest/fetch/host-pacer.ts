import PQueue from 'p-queue';

/**
 * Politeness per host: at most `concurrency` requests at once (1 by default) and a pause of at
 * least `delayMs` between the end of one request and the start of the next. A site asking us to
 * wait (Retry-After) pushes the next start further for every request to that host.
 */
export interface HostPacer {
  run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T>;
  /** No request to this host starts before `at` (epoch ms). */
  holdUntil(host: string, at: number): void;
  /** Waiting and queued tasks fail with PacerClosedError; running ones finish. */
  close(): void;
}

export class PacerClosedError extends Error {
  override name = 'PacerClosedError';
  constructor() {
    super('the fetcher was closed before this request could start');
  }
}

interface HostState {
  queue: PQueue;
  nextStartAt: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new PacerClosedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PacerClosedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function createHostPacer(concurrency = 1): HostPacer {
  const hosts = new Map<string, HostState>();
  const closing = new AbortController();
  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { queue: new PQueue({ concurrency }), nextStartAt: 0 };
      hosts.set(host, state);
    }
    return state;
  };
  return {
    run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T> {
      if (closing.signal.aborted) return Promise.reject(new PacerClosedError());
      const state = stateOf(host);
      return state.queue.add(async () => {
        // A Retry-After may arrive while we sleep: re-check until the start time holds.
        for (let wait = state.nextStartAt - Date.now(); wait > 0; wait = state.nextStartAt - Date.now()) {
          await sleep(wait, closing.signal);
        }
        if (closing.signal.aborted) throw new PacerClosedError();
        state.nextStartAt = Math.max(state.nextStartAt, Date.now() + (concurrency > 1 ? delayMs : 0));
        try {
          return await task();
        } finally {
          state.nextStartAt = Math.max(state.nextStartAt, Date.now() + delayMs);
        }
      });
    },
    holdUntil(host, at) {
      const state = stateOf(host);
      state.nextStartAt = Math.max(state.nextStartAt, at);
    },
    close() {
      closing.abort();
    },
  };
}
