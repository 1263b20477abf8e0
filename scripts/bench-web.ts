/**
 * npm run bench:web [-- --projects 100000] — Lighthouse (mobile) on the home, search and project
 * pages of a server holding the demo plus N synthetic projects, with Debian's Chromium; then the
 * JavaScript weight of the search page and the server's response times under load. Prints
 * figures; asserts nothing (this machine is noisy).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pino from 'pino';
import { loadDemoIfEmpty } from '../src/lib/server/demo/load-demo.ts';
import { migrate } from '../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../src/lib/server/platform/db/pglite-database.ts';
import { loadReferenceData } from '../src/lib/server/reference/load-reference-data.ts';
import { generateSyntheticProjects } from './lib/generate-synthetic-projects.ts';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '100000' } } });
const total = Number(values.projects);
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tadata-bench-web-'));
const silent = pino({ level: 'silent' });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function prepareDatabase(): Promise<string> {
  const started = Date.now();
  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'), 'bench:web');
  await migrate(db);
  await loadReferenceData(db, silent);
  await loadDemoIfEmpty(db, silent);
  const generating = Date.now();
  for (let done = 0; done < total; done += 10_000) {
    await generateSyntheticProjects(db, Math.min(10_000, total - done));
    process.stdout.write(`\r  generated ${Math.min(done + 10_000, total)} / ${total} synthetic projects`);
  }
  console.log(`\n  generated in ${((Date.now() - generating) / 1000).toFixed(1)} s`);
  const [demo] = await db.query<{ slug: string }>(
    `SELECT slug FROM project WHERE name = 'La Cravate Solidaire'`,
  );
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
  await db.close();
  console.log(`  database: ${n} projects in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return demo?.slug ?? '';
}

async function startServer(port: number): Promise<() => void> {
  const child = spawn(process.execPath, ['bin/tadata.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return () => child.kill('SIGTERM');
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

interface LighthouseFigures {
  scores: Record<string, number>;
  metrics: Record<string, string>;
  scriptKb: number;
}

async function audit(url: string, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(
    Object.entries(categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]),
  );
  const metric = (id: string) => audits[id]?.displayValue ?? '—';
  const summary = audits['resource-summary']?.details as
    | { items?: { resourceType: string; transferSize: number }[] }
    | undefined;
  const script = summary?.items?.find((i) => i.resourceType === 'script')?.transferSize ?? 0;
  return {
    scores,
    metrics: {
      FCP: metric('first-contentful-paint'),
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      SI: metric('speed-index'),
    },
    scriptKb: Math.round((script / 1024) * 10) / 10,
  };
}

async function load(
  url: string,
): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 8, duration: 8 });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  console.log(
    `bench:web — ${total} synthetic projects + the 150 demo projects, Lighthouse mobile, Debian Chromium`,
  );
  const slug = await prepareDatabase();
  const port = await freePort();
  const stop = await startServer(port);
  const base = `http://127.0.0.1:${port}`;
  const pages = {
    home: `${base}/`,
    search: `${base}/recherche?q=solidaire`,
    project: `${base}/projets/${slug}`,
  };
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // Warm the server: a page's first request computes what it then keeps for a minute.
    for (const url of Object.values(pages)) await fetch(url);
    console.log(
      '\nLighthouse (mobile; targets: performance ≥ 90, accessibility ≥ 95, best practices ≥ 95, SEO ≥ 95)',
    );
    for (const [name, url] of Object.entries(pages)) {
      const figures = await audit(url, chrome.port);
      console.log(
        `  ${name.padEnd(8)} ${Object.entries(figures.scores)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}` +
          `\n           ${Object.entries(figures.metrics)
            .map(([k, v]) => `${k} ${v}`)
            .join(' · ')} · JS ${figures.scriptKb} KB transferred`,
      );
    }
    console.log('\nServer response under load (autocannon, 8 connections, 8 s each; target p95 ≤ 100 ms)');
    // The search last: a slow page's backlog would otherwise delay the next page's figures.
    for (const name of ['home', 'project', 'search'] as const) {
      const r = await load(pages[name]);
      console.log(
        `  ${name.padEnd(8)} ${r.rps} req/s · p50 ${r.p50} ms · p97.5 ${r.p95} ms · p99 ${r.p99} ms · errors ${r.errors}`,
      );
    }
  } finally {
    await chrome.kill();
    stop();
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
