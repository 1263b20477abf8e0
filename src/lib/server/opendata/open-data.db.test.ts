import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { InvalidParameterError } from '../errors.ts';
import type { Database } from '../platform/db/database.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import {
  getPartners,
  getStatistics,
  getTaxonomy,
  getTerritories,
  parseStatisticDimensions,
} from './open-data.ts';

describe('open data reference endpoints', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('lists the taxonomy with project counts', async () => {
    const terms = await getTaxonomy(db);
    expect(terms.filter((t) => t.vocabulary === 'theme')).toHaveLength(16);
    expect(terms.find((t) => t.code === 'EMP' && t.vocabulary === 'theme')?.projects).toBeGreaterThan(0);
  });

  it('lists territories by level, within a parent, by name', async () => {
    const regions = await getTerritories(db, { level: 'region' });
    expect(regions).toHaveLength(18);
    expect(regions[0]?.projects).toBeGreaterThan(0);
    const communes = await getTerritories(db, { level: 'commune', parent: '93', q: 'montr' });
    expect(communes[0]).toMatchObject({ code: '93048', name: 'Montreuil', parent: '93' });
    expect(communes[0]?.projects).toBeGreaterThanOrEqual(6);
    const epci = await getTerritories(db, { level: 'epci', parent: '93' });
    expect(epci.map((e) => e.code)).toContain('200054781');
  });

  it('lists partners with their sources and counts', async () => {
    const [partner] = await getPartners(db);
    expect(partner).toMatchObject({ slug: DEMO_PARTNER.slug, projects: 150, licence: 'CC-BY-SA-4.0' });
    expect(partner?.sources.length).toBeGreaterThan(0);
  });

  it('counts projects by theme × territory × partner × month for a search', async () => {
    const byTheme = await getStatistics(db, parseSearchParams(new URLSearchParams('')), ['theme']);
    expect(byTheme.find((r) => r.theme === 'EMP')?.projects).toBeGreaterThan(0);
    const cube = await getStatistics(db, parseSearchParams(new URLSearchParams('region=11')), [
      'theme',
      'departement',
      'partner',
      'month',
    ]);
    for (const row of cube) {
      expect(row.territory).toMatch(/^(75|77|78|91|92|93|94|95)$/);
      expect(row.partner).toBe(DEMO_PARTNER.slug);
      expect(row.month).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(() => parseStatisticDimensions('theme,colour')).toThrow(InvalidParameterError);
    await expect(
      getStatistics(db, parseSearchParams(new URLSearchParams('')), ['region', 'departement']),
    ).rejects.toThrow(InvalidParameterError);
  });
});
