import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import type { PlanShape } from './match-shape.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { MATCH_SHAPES } from './search-projects.query.ts';
import { prepareQuery, searchFacetCounts, searchProjectsWithSample } from './search-projects.ts';

/**
 * A search finds its first matches by walking ids newest first, by collecting them through the
 * indexes, or by matching the words of the filters' candidates, whichever the estimates say is
 * faster (MATCH_SHAPES): every shape must find the same projects, totals, samples and facet
 * counts. A small count limit makes every search go
 * past it, so that totals are estimated and name matches are ranked past the first matches.
 */
describe('the plan shapes of a search', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  const shapes: PlanShape[] = [
    { matches: 'collect', walkNameMatches: false },
    { matches: 'walk', walkNameMatches: true },
    { matches: 'walk', walkNameMatches: false },
    { matches: 'collect', walkNameMatches: true },
    { matches: 'filter', walkNameMatches: false },
  ];
  const queries = [
    'q=solidaire',
    'q=solidaire&per_page=5&page=2',
    'q=emploi insertion',
    'q=solidaire -paris',
    'q="epicerie solidaire"',
    'q=solidaire&bbox=-5,41,10,51.5',
    'q=association&bbox=2.0,48.6,2.7,49.1',
    'bbox=2.0,48.6,2.7,49.1',
    'q=jeunes&fresh=true',
    'q=solidaire&theme=ALI',
    'q=solidaire&region=11&bbox=2.0,48.6,2.7,49.1',
    'q=solidaire&near=48.86,2.35,30',
    '',
  ];

  it.each(queries)('finds the same first matches either way: %s', async (query) => {
    const params = parseSearchParams(new URLSearchParams(query));
    const now = new Date();
    const answers = await Promise.all(
      shapes.map((shape) => searchProjectsWithSample(db, params, { countLimit: 4, now, shape })),
    );
    const [first, ...others] = answers.map(({ result, sample }) => ({
      ids: result.items.map((item) => item.id),
      total: result.total,
      totalExact: result.totalExact,
      sample,
    }));
    expect(first?.ids.length).toBeGreaterThan(0);
    for (const other of others) expect(other).toEqual(first);
  });

  it.each(queries)('counts the same facets either way: %s', async (query) => {
    const params = parseSearchParams(new URLSearchParams(query));
    const now = new Date();
    const [collected, ...others] = await Promise.all(
      MATCH_SHAPES.map((shape) => searchFacetCounts(db, params, { countLimit: 4, now, shape })),
    );
    expect(collected?.facets.theme.length).toBeGreaterThan(0);
    for (const other of others) expect(other).toEqual(collected);
  });

  it('estimates the matches of a phrase from its rarest word, and of a word once per stem', async () => {
    const [rarest] = await db.query<{ tsquery: string }>(
      `SELECT to_tsquery('tadata_fr', word)::text AS tsquery FROM search_word
       WHERE word IN ('insertion', 'emploi') ORDER BY ndoc LIMIT 1`,
    );
    expect(rarest).toBeDefined();
    expect((await prepareQuery(db, '"insertion emploi"')).estimate).toBe(rarest?.tsquery);
    // "solidair" as typed (a prefix) and its completions "solidaire", "solidaires": one
    // alternative for the planner.
    const prepared = await prepareQuery(db, 'solidair');
    expect(prepared.tsquery).toContain('|');
    expect(prepared.estimate).toBe("'solidair':*");
    expect((await prepareQuery(db, '')).estimate).toBeNull();
  });
});
