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
  clear(): void;
}

interface HostState {
  queue: PQueue;
  nextStartAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHostPacer(concurrency = 1): HostPacer {
  const hosts = new Map<string, HostState>();
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
      const state = stateOf(host);
      return state.queue.add(async () => {
        // A Retry-After may arrive while we sleep: re-check until the start time holds.
        for (let wait = state.nextStartAt - Date.now(); wait > 0; wait = state.nextStartAt - Date.now()) {
          await sleep(wait);
        }
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
    clear() {
      for (const state of hosts.values()) state.queue.clear();
      hosts.clear();
    },
  };
}
