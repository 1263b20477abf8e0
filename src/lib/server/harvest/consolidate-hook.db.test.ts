import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRUPAL_PROJECTS } from '../../../../test/sites/drupal-site.ts';
import { startTestSites, type TestSites } from '../../../../test/sites/start-test-sites.ts';
import {
  drupalConfig,
  saveTestSource,
  TEST_FETCHER,
  TEST_HARVEST,
} from '../../../../test/support/harvest-runs.ts';
import { silentLogger } from '../../../../test/support/silent-logger.ts';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { loadReferenceData } from '../reference/load-reference-data.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { consolidateHarvestedRecords } from './consolidate-hook.ts';
import { runHarvest } from './run-harvest.ts';

describe(`harvested records become public projects (${testDatabaseKind()})`, () => {
  let db: Database;
  let sites: TestSites;

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadReferenceData(db, silentLogger);
    sites = await startTestSites();
  });
  afterAll(async () => {
    await sites?.stop();
    await db?.close();
  });

  it('publishes a harvested site through the default field aliases, credited to its partner', async () => {
    await saveTestSource(db, 'drupal', drupalConfig(sites.origin));
    const run = await runHarvest(db, 'drupal', { harvest: TEST_HARVEST, fetcher: TEST_FETCHER });
    expect(run.records.new).toBe(DRUPAL_PROJECTS.length);
    const [{ id } = { id: 0 }] = await db.query<{ id: number }>(
      `SELECT id FROM source WHERE slug = 'drupal'`,
    );

    const result = await consolidateHarvestedRecords(db, { sourceId: id });
    expect(result.pending).toHaveLength(DRUPAL_PROJECTS.length);
    expect(result.consolidated).toBe(DRUPAL_PROJECTS.length);
    const [left] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM raw_record WHERE source_id = $1 AND consolidate_pending`,
      [id],
    );
    expect(left?.n).toBe(0);

    const found = await searchProjects(db, parseSearchParams(new URLSearchParams({ per_page: '100' })));
    expect(found.total).toBe(DRUPAL_PROJECTS.length);
    for (const card of found.items) {
      expect(card.credits[0]?.partner.name).toBe('Fondation synthétique');
      expect(card.credits[0]?.sourceUrl).toMatch(new RegExp(`^${sites.origin}/drupal/projet/`));
    }
    const names = found.items.map((c) => c.name).sort();
    expect(names).toEqual(DRUPAL_PROJECTS.map((p) => p.name).sort());
  });
});
