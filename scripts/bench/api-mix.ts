/**
 * A realistic mix of /api/v1/projects requests for the API benchmark: a pool of distinct
 * searches (with words, filter-only browsing, later pages, page sizes, map boxes) requested
 * with a Zipf-like popularity, as real traffic is (a few searches are very frequent, most are
 * rare). Seeded, so runs compare.
 */
import { realisticQueries } from './queries.ts';

export interface ApiMix {
  /** Request paths in the order they are sent (cycled by the benchmark). */
  paths: string[];
  /** A description of the mix, printed by the benchmark. */
  summary: string[];
}

export function apiMix(
  options: { pool: number; requests: number; regions: string[]; departements: string[]; themes: string[] },
  seed = 7,
): ApiMix {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pool: string[] = [];
  const withWords = realisticQueries(
    options.pool,
    options.regions,
    options.departements,
    options.themes,
    seed,
  );
  for (let i = 0; i < options.pool; i++) {
    const r = random();
    let params: URLSearchParams;
    if (r < 0.3) {
      // Browsing without words: a theme, a région or a département, or everything.
      params = new URLSearchParams();
      const f = random();
      if (f < 0.3) params.set('theme', pick(options.themes));
      else if (f < 0.6) params.set('region', pick(options.regions));
      else if (f < 0.9) params.set('departement', pick(options.departements));
    } else {
      params = new URLSearchParams(withWords[i]);
    }
    const p = random();
    if (p < 0.15) params.set('page', '2');
    else if (p < 0.2) params.set('page', String(3 + Math.floor(random() * 5)));
    if (random() < 0.1) params.set('per_page', pick(['10', '50', '100']));
    pool.push(`/api/v1/projects?${params}`);
  }
  // Zipf (s = 1) over the pool: the i-th search is asked in proportion to 1 / (i + 1).
  const weights = pool.map((_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((acc, w) => {
    cumulative.push(acc + w / sum);
    return acc + w / sum;
  }, 0);
  const paths: string[] = [];
  for (let i = 0; i < options.requests; i++) {
    const u = random();
    const index = cumulative.findIndex((c) => c >= u);
    paths.push(pool[index === -1 ? pool.length - 1 : index] as string);
  }
  const share = (test: (path: string) => boolean) =>
    `${Math.round((100 * paths.filter(test).length) / paths.length)} %`;
  const distinct = new Set(paths).size;
  return {
    paths,
    summary: [
      `${paths.length} requests over ${distinct} distinct searches (pool of ${pool.length}, Zipf popularity: the 10 most asked make ${share((p) => pool.indexOf(p) < 10)})`,
      `with words ${share((p) => p.includes('q='))}, filter-only ${share((p) => !p.includes('q='))}, a map box ${share((p) => p.includes('bbox='))}, page > 1 ${share((p) => /[?&]page=/.test(p))}, other page sizes ${share((p) => p.includes('per_page='))}`,
      `examples: ${pool.slice(0, 3).join('  ')}`,
    ],
  };
}
