import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built web server (`node bin/tadata.js serve`, which serves build/ from `vite build`) in a
 * child process, for browser journeys and black-box API tests. Each server gets a free port and,
 * unless told otherwise, a fresh data directory (so a first start imports the demo).
 */
export interface TadataServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /**
   * Kills the process (SIGTERM by default) and waits until it has exited; then removes the data
   * directory if startTadataServer created it.
   */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
}

export interface StartTadataServerOptions {
  /**
   * Use this data directory and keep it (e.g. to restart on the same data). Without it, a new temp
   * directory is used and stop() removes it.
   */
  dataDir?: string;
  /** Extra environment variables, applied last. */
  env?: Record<string, string>;
  /** How long to wait for GET /api/v1/health to answer 200; default 90 s. */
  readyTimeoutMs?: number;
}

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO_ROOT, 'bin', 'tadata.js');
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_CHARS = 8_000;

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not get a free port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function tail(text: string): string {
  return text.length > LOG_TAIL_CHARS ? `…${text.slice(-LOG_TAIL_CHARS)}` : text;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

// Best effort for servers still running when the test process exits normally (a missing
// afterAll): they are killed, and the data directories this module created are removed. A test
// runner that kills its workers skips this, so stop() is what tests must rely on.
const running = new Set<ChildProcess>();
const createdDataDirs = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of createdDataDirs) rmSync(dir, { recursive: true, force: true });
});

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function startTadataServer(options: StartTadataServerOptions = {}): Promise<TadataServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'tadata-e2e-'));
  if (ownsDataDir) createdDataDirs.add(dataDir);
  const removeOwnDataDir = () => {
    if (!ownsDataDir) return;
    rmSync(dataDir, { recursive: true, force: true });
    createdDataDirs.delete(dataDir);
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;

  // The embedded (PGlite) mode, like a fresh install: a DATABASE_URL from the developer's shell
  // must not point the server at another database.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    ORIGIN: url,
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...options.env,
  };

  let output = '';
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    try {
      if (spawnError || exited(child)) return;
      child.kill(signal);
      const timedOut = await Promise.race([exit.then(() => false), delay(STOP_TIMEOUT_MS).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exit;
        throw new Error(
          `tadata serve did not exit within ${STOP_TIMEOUT_MS / 1000} s of ${signal}; killed. Last logs:\n${tail(output)}`,
        );
      }
    } finally {
      removeOwnDataDir();
    }
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (spawnError) {
      removeOwnDataDir();
      throw new Error(`could not start ${CLI}: ${spawnError.message}`);
    }
    if (exited(child)) {
      removeOwnDataDir();
      throw new Error(
        `tadata serve exited (code ${child.exitCode}, signal ${child.signalCode}) before answering ` +
          `${url}/api/v1/health. Logs:\n${tail(output)}`,
      );
    }
    if (await isHealthy(url)) break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(
        `tadata serve did not answer 200 on ${url}/api/v1/health within ${readyTimeoutMs / 1000} s. ` +
          `Last logs:\n${tail(output)}`,
      );
    }
    await delay(250);
  }

  return { url, dataDir, stop, logs: () => output };
}
