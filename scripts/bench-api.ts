/**
 * npm run bench:api -- [--size 100000] [--duration 20] [--connections 10] [--pool 300]
 *   [--revalidate 0.25] [--warmup]
 *
 * Builds an embedded database with a synthetic corpus of the given size in a temporary data
 * directory, starts the built server on it, and runs an HTTP load with autocannon on
 * /api/v1/projects with a realistic mix (scripts/bench/api-mix.ts: a pool of distinct searches
 * with words, filter-only browsing, later pages and page sizes, asked with a Zipf popularity;
 * each answer has its total and facets), printed before the run. A share of the requests
 * (--revalidate) sends back the ETag of an earlier answer to the same URL, as browsers and
 * caches do. The rate limiter is turned off through configuration (API_RATE_LIMIT=0), since
 * all the load comes from one address. Prints requests per second, latency percentiles,
 * statuses and errors. With --warmup, each distinct search of the mix is asked once before the
 * load (its time is printed), as on a server that has been up for a while: the load then
 * measures the steady state. Never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { migrate } from '../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../src/lib/server/platform/db/pglite-database.ts';
import { loadReferenceData } from '../src/lib/server/reference/load-reference-data.ts';
import { silentLogger } from '../test/support/silent-logger.ts';
import { freePort, REPO_ROOT } from '../test/support/tadata-server.ts';
import { apiMix } from './bench/api-mix.ts';
import { loadCorpus } from './bench/corpus.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    pool: { type: 'string', default: '300' },
    revalidate: { type: 'string', default: '0.25' },
    warmup: { type: 'boolean', default: false },
  },
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'tadata-bench-api-'));
const size = Number(values.size);
console.log(`bench:api — ${size.toLocaleString('en')} projects, data in ${dataDir}`);
const db = await openPgliteDatabase(path.join(dataDir, 'pglite'), 'bench:api');
await migrate(db);
await loadReferenceData(db, silentLogger);
await loadCorpus(db, size);
const regions = (await db.query<{ code: string }>(`SELECT code FROM region`)).map((r) => r.code);
const departements = (await db.query<{ code: string }>(`SELECT code FROM departement`)).map((r) => r.code);
const themes = (
  await db.query<{ code: string }>(`SELECT code FROM taxonomy_term WHERE vocabulary = 'theme'`)
).map((r) => r.code);
await db.close();

const port = await freePort();
const server = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'tadata.js'), 'serve'], {
  cwd: REPO_ROOT,
  env: {
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOAD_DEMO: 'false',
    API_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the server did not start');
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const mix = apiMix({ pool: Number(values.pool), requests: 20_000, regions, departements, themes });
  for (const line of mix.summary) console.log(`mix: ${line}`);
  const revalidate = Number(values.revalidate);
  console.log(
    `mix: ${Math.round(revalidate * 100)} % of the requests to a URL already answered send If-None-Match`,
  );
  if (values.warmup) {
    const started = performance.now();
    const distinct = [...new Set(mix.paths)];
    for (const path of distinct) await fetch(`${base}${path}`).then((r) => r.arrayBuffer());
    console.log(
      `warm-up: ${distinct.length} distinct searches asked once in ${((performance.now() - started) / 1000).toFixed(1)} s (${((performance.now() - started) / distinct.length).toFixed(0)} ms each on average)`,
    );
  }
  const etags = new Map<string, string>();
  const statuses = new Map<number, number>();
  let next = 0;
  let conditional = 0;
  const result = await autocannon({
    url: base,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: [
      {
        setupRequest: (request, context) => {
          next = (next + 1) % mix.paths.length;
          const path = mix.paths[next] ?? '/api/v1/projects';
          (context as { path?: string }).path = path;
          const etag = etags.get(path);
          // Deterministic share: every n-th request to a known URL revalidates.
          if (etag && revalidate > 0 && next % Math.round(1 / revalidate) === 0) {
            conditional++;
            return { ...request, path, headers: { 'if-none-match': etag } };
          }
          return { ...request, path, headers: {} };
        },
        onResponse: (status, _body, context, headers) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const path = (context as { path?: string }).path;
          if (path && headers?.etag) etags.set(path, String(headers.etag));
        },
      },
    ],
  });
  const l = result.latency;
  console.log(
    `requests/s: average ${result.requests.average.toFixed(0)}, median ${result.requests.p50}; ` +
      `latency: median ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`,
  );
  console.log(
    `${result.requests.total} requests (${conditional} conditional), ${result.errors} errors, ${result.timeouts} timeouts; statuses: ${[...statuses].map(([k, v]) => `${k} × ${v}`).join(', ')}`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
