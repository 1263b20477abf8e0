/**
 * npm run bench:charts -- [--size 100000] [--queries 50] [--database-url postgres://…]
 *
 * Generates the synthetic corpus of bench:search in a fresh database (in-memory PGlite, or a new
 * database on the PostgreSQL server given), then times, through the real code, what the charts
 * view of a search computes (six counts and their SVG charts) and the Atom feed of the same
 * searches. Figures are printed, never asserted.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { getSearchCharts } from '../src/lib/server/charts/search-charts.ts';
import { searchFeed } from '../src/lib/server/feeds/search-feed.ts';
import type { Database } from '../src/lib/server/platform/db/database.ts';
import { migrate } from '../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../src/lib/server/platform/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/lib/server/platform/db/postgres-database.ts';
import { loadReferenceData } from '../src/lib/server/reference/load-reference-data.ts';
import { parseSearchParams } from '../src/lib/server/search/parse-search-params.ts';
import { silentLogger } from '../test/support/silent-logger.ts';
import { loadCorpus } from './bench/corpus.ts';
import { realisticQueries } from './bench/queries.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '50' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const size = Number(values.size);
const queryCount = Number(values.queries);

async function openBenchDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = values['database-url'];
  if (!url) return { db: await openPgliteDatabase(undefined, 'bench'), drop: async () => {} };
  const name = `tadata_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDatabase(target.toString(), { max: 2 });
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}`;
};

async function main() {
  const { db, drop } = await openBenchDatabase();
  try {
    console.log(`bench:charts — ${size.toLocaleString('en')} projects on ${db.kind}`);
    await migrate(db);
    await loadReferenceData(db, silentLogger);
    const stats = await loadCorpus(db, size, (s) => console.log(s));
    console.log(`corpus loaded in ${((stats.loadMs + stats.indexMs) / 1000).toFixed(1)} s`);
    const codes = async (sql: string) => (await db.query<{ code: string }>(sql)).map((r) => r.code);
    const queries = realisticQueries(
      queryCount,
      await codes(`SELECT code FROM region`),
      await codes(`SELECT code FROM departement`),
      await codes(`SELECT code FROM taxonomy_term WHERE vocabulary = 'theme'`),
      Number(values.seed),
    );
    for (const q of queries.slice(0, 5)) await getSearchCharts(db, parseSearchParams(new URLSearchParams(q)));
    const charts: number[] = [];
    const feeds: number[] = [];
    const slow: [number, string][] = [];
    for (const q of queries) {
      const params = parseSearchParams(new URLSearchParams(q));
      const start = performance.now();
      await getSearchCharts(db, params);
      const charted = performance.now();
      await searchFeed(db, params, { publicUrl: 'https://bench.test' });
      const end = performance.now();
      charts.push(charted - start);
      feeds.push(end - charted);
      slow.push([charted - start, q]);
    }
    console.log(`${queries.length} searches — charts view (6 counts + SVG): ${summary(charts)}`);
    console.log(`  Atom feed (50 newest): ${summary(feeds)}`);
    console.log('  slowest charts:');
    for (const [t, q] of slow.sort((a, b) => b[0] - a[0]).slice(0, 3))
      console.log(`    ${ms(t)}  ${decodeURIComponent(q)}`);
  } finally {
    await db.close();
    await drop();
  }
}

await main();
