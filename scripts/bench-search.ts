/**
 * npm run bench:search -- [--size 100000] [--queries 200] [--database-url postgres://…]
 *                         [--keep | --reuse tadata_bench_…]
 *
 * Generates a synthetic French corpus of the given size in a fresh database (in-memory PGlite,
 * or a new database on the PostgreSQL server given), runs realistic queries through the real
 * search code (results with their total, and every facet count) and prints the index build
 * time, the database size and the latency percentiles. Figures are printed, never asserted.
 *
 * PostgreSQL only, to iterate on a large corpus without generating it each time (4.5 min at 1M):
 * --keep leaves the generated database on the server and prints its name; --reuse NAME runs
 * the queries on that database instead of generating one (it checks that it holds --size
 * projects, applies pending migrations and analyzes, and keeps it too). Drop it when done:
 * psql URL -c 'DROP DATABASE NAME'.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Database } from '../src/lib/server/platform/db/database.ts';
import { migrate } from '../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../src/lib/server/platform/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/lib/server/platform/db/postgres-database.ts';
import { loadReferenceData } from '../src/lib/server/reference/load-reference-data.ts';
import { parseSearchParams } from '../src/lib/server/search/parse-search-params.ts';
import {
  prepareQuery,
  searchFacetCounts,
  searchProjectsWithSample,
} from '../src/lib/server/search/search-projects.ts';
import { silentLogger } from '../test/support/silent-logger.ts';
import { loadCorpus } from './bench/corpus.ts';
import { realisticQueries } from './bench/queries.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const size = Number(values.size);
const queryCount = Number(values.queries);
const reuse = values.reuse;
if ((values.keep || reuse) && !values['database-url']) {
  console.error('--keep and --reuse need --database-url (a PostgreSQL server)');
  process.exit(2);
}
if (reuse && !/^tadata_bench_\d+$/.test(reuse)) {
  console.error(`--reuse expects a database name printed by --keep (tadata_bench_…), not ${reuse}`);
  process.exit(2);
}

interface BenchDatabase {
  db: Database;
  name: string | null;
  drop: () => Promise<void>;
}

async function openBenchDatabase(): Promise<BenchDatabase> {
  const url = values['database-url'];
  if (!url) return { db: await openPgliteDatabase(undefined, 'bench'), name: null, drop: async () => {} };
  const name = reuse ?? `tadata_bench_${Date.now()}`;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDatabase(target.toString(), { max: 2 });
  return {
    db,
    name,
    drop: async () => {
      if (values.keep || reuse) return;
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

async function main() {
  const { db, name, drop } = await openBenchDatabase();
  try {
    console.log(`bench:search — ${size.toLocaleString('en')} projects on ${db.kind}`);
    const { applied } = await migrate(db);
    console.log(`migrated${applied.length ? ` (${applied.join(', ')})` : ''}`);
    if (reuse) await checkReused(db, reuse);
    else {
      await loadReferenceData(db, silentLogger);
      console.log('reference data loaded');
      const stats = await loadCorpus(db, size, (s) => console.log(s));
      console.log(
        `load ${(stats.loadMs / 1000).toFixed(1)} s; index build and analyze ${(stats.indexMs / 1000).toFixed(1)} s`,
      );
      console.log(`database size ${(stats.databaseBytes / 1024 / 1024).toFixed(0)} MB`);
    }
    if (values.keep || reuse) console.log(`kept database ${name} (--reuse ${name} runs on it again)`);
    const regions = (await db.query<{ code: string }>(`SELECT code FROM region`)).map((r) => r.code);
    const departements = (await db.query<{ code: string }>(`SELECT code FROM departement`)).map(
      (r) => r.code,
    );
    const themes = (
      await db.query<{ code: string }>(`SELECT code FROM taxonomy_term WHERE vocabulary = 'theme'`)
    ).map((r) => r.code);
    const queries = realisticQueries(queryCount, regions, departements, themes, Number(values.seed));
    // Warm-up: a few queries, not measured.
    for (const q of queries.slice(0, 10)) await runOne(db, q);
    const times: number[] = [];
    const searchTimes: number[] = [];
    let estimated = 0;
    let empty = 0;
    const slow: [number, string][] = [];
    for (const q of queries) {
      const t = await runOne(db, q);
      times.push(t.total);
      searchTimes.push(t.search);
      if (!t.exact) estimated++;
      if (t.count === 0) empty++;
      slow.push([t.total, q]);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const sortedSearch = [...searchTimes].sort((a, b) => a - b);
    console.log(
      `${queries.length} queries (results + total + facets): median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? 0)}`,
    );
    console.log(
      `  results + total only: median ${ms(percentile(sortedSearch, 50))}, p95 ${ms(percentile(sortedSearch, 95))}, p99 ${ms(percentile(sortedSearch, 99))}`,
    );
    console.log(
      `  ${estimated} totals estimated (past the count threshold), ${empty} searches without result`,
    );
    console.log('  slowest:');
    for (const [t, q] of slow.sort((a, b) => b[0] - a[0]).slice(0, 5))
      console.log(`    ${ms(t)}  ${decodeURIComponent(q)}`);
  } finally {
    await db.close();
    await drop();
  }
}

/** A kept database must hold the asked corpus; pending migrations may have changed statistics. */
async function checkReused(db: Database, name: string) {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM project`);
  if (row?.n !== size)
    throw new Error(`${name} holds ${row?.n ?? 0} projects, not --size ${size}: pass its size`);
  await db.exec(`ANALYZE`);
  console.log(`reused ${name}: ${size.toLocaleString('en')} projects, analyzed`);
}

async function runOne(db: Database, query: string) {
  const params = parseSearchParams(new URLSearchParams(query));
  const start = performance.now();
  const prepared = await prepareQuery(db, params.q);
  // As searchWithFacets (the page and the API): facets share the search's sample of matches.
  const { result, sample } = await searchProjectsWithSample(db, params, { prepared });
  const searched = performance.now();
  await searchFacetCounts(db, params, { prepared, sample });
  const end = performance.now();
  return { total: end - start, search: searched - start, exact: result.totalExact, count: result.total };
}

await main();
