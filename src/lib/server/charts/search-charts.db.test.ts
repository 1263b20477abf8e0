import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { getStatistics } from '../opendata/open-data.ts';
import { loadStatisticLabels } from '../opendata/statistic-labels.ts';
import { statisticCode, statisticsCsv } from '../opendata/statistics-csv.ts';
import type { Database } from '../platform/db/database.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { exploreCharts } from './explore-charts.ts';
import { countSearchCharts, getSearchCharts } from './search-charts.ts';

const search = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('charts of a search', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
    // The demo does not state maturity stages: give two projects one.
    await db.query(
      `UPDATE project SET maturity = 'launch' WHERE id IN (SELECT id FROM project WHERE published ORDER BY id LIMIT 2)`,
    );
  });
  afterAll(() => db.close());

  it('counts the same projects as the result list, by région and département', async () => {
    const params = search('q=solidaire');
    const { total, charts } = await getSearchCharts(db, params);
    const list = await searchProjects(db, params);
    expect(list.totalExact).toBe(true);
    expect(total).toBe(list.total);
    expect(total).toBeGreaterThan(0);
    const regions = charts.find((c) => c.name === 'region')?.rows ?? [];
    expect(regions.length).toBeGreaterThan(1);
    for (const row of regions.slice(0, 3)) {
      const narrowed = await searchProjects(db, search(`q=solidaire&region=${row.code}`));
      expect(narrowed.total).toBe(row.projects);
    }
    const partners = charts.find((c) => c.name === 'partner')?.rows ?? [];
    expect(partners).toEqual([
      expect.objectContaining({ code: DEMO_PARTNER.slug, label: DEMO_PARTNER.name, projects: total }),
    ]);
  });

  it('links each bar to the narrowed search and each chart to its CSV with the same parameters', async () => {
    const { charts } = await getSearchCharts(db, search('q=solidaire&fresh=true'));
    const themes = charts.find((c) => c.name === 'theme');
    const first = themes?.rows[0];
    expect(first?.href).toBe(`/recherche/graphiques?q=solidaire&theme=${first?.code}&fresh=true`);
    expect(themes?.svg).toContain(
      `<a href="/recherche/graphiques?q=solidaire&amp;theme=${first?.code}&amp;fresh=true"`,
    );
    expect(themes?.csvHref).toBe('/api/v1/statistics?q=solidaire&fresh=true&by=theme&format=csv');
    const region = charts.find((c) => c.name === 'region');
    expect(region?.svg).toMatch(
      /<a href="\/recherche\/graphiques\?q=solidaire&amp;region=\d+&amp;fresh=true"/,
    );
    // Months are not a search filter: tooltips, no links.
    const month = charts.find((c) => c.name === 'month');
    expect(month?.rows.every((r) => r.href === null && /^\d{4}-\d{2}$/.test(r.code))).toBe(true);
    expect(month?.svg).toContain('<g><title>');
  });

  it('counts maturity stages, the unstated ones apart', async () => {
    const { total, charts } = await getSearchCharts(db, search(''));
    const stages = charts.find((c) => c.name === 'stage')?.rows ?? [];
    expect(stages.map((r) => [r.code, r.label, r.projects])).toEqual([
      ['launch', 'Lancement', 2],
      ['unknown', 'Non renseigné', total - 2],
    ]);
    // A stated stage narrows the search; "not stated" is no filter.
    expect(stages.map((r) => r.href)).toEqual(['/recherche/graphiques?stage=launch', null]);
    const narrowed = await getSearchCharts(db, search('stage=launch'));
    expect(narrowed.total).toBe(2);
    const departement = charts.find((c) => c.name === 'departement')?.rows.find((r) => r.code === '93');
    expect(departement?.href).toBe('/recherche/graphiques?region=11&departement=93');
  });

  it('counts in one query what the statistics API counts dimension by dimension', async () => {
    for (const query of [
      '',
      'q=solidaire',
      'theme=EMP&region=11',
      'q=emploi&fresh=true',
      'lat=48.85&lon=2.35&radius=20',
      'stage=launch',
    ]) {
      const params = search(query);
      const { total, counts } = await countSearchCharts(db, params);
      const [all] = await getStatistics(db, params, []);
      expect(total, query).toBe(all?.projects ?? 0);
      for (const name of ['theme', 'region', 'departement', 'partner', 'month', 'stage'] as const) {
        const expected = (await getStatistics(db, params, [name]))
          .map((row) => ({ code: statisticCode(row, name), projects: row.projects }))
          .filter((row) => row.code !== null);
        const byCode = (rows: { code: string | null }[]) =>
          [...rows].sort((a, b) => String(a.code).localeCompare(String(b.code)));
        expect(byCode(counts[name]), `${query} by ${name}`).toEqual(byCode(expected));
      }
    }
  });

  it('gives exploration pages their charts, without a stage chart that only says "not stated"', async () => {
    const partner = await exploreCharts(db, { partner: DEMO_PARTNER.slug }, ['theme', 'month', 'stage']);
    expect(partner.charts.map((c) => c.name)).toEqual(['theme', 'month', 'stage']);
    expect(partner.searchHref).toBe(`/recherche/graphiques?partner=${DEMO_PARTNER.slug}`);
    const [unstated] = await db.query<{ code: string }>(
      `SELECT substr(c, 3) AS code FROM project p, unnest(p.territory_codes) AS c
       WHERE p.published AND left(c, 2) = 'D:' GROUP BY 1 HAVING bool_and(p.maturity IS NULL) ORDER BY 1 LIMIT 1`,
    );
    const departement = await exploreCharts(db, { departement: unstated?.code ?? '' }, ['partner', 'stage']);
    expect(departement.charts.map((c) => c.name)).toEqual(['partner']);
  });

  it('draws nothing for a search without results', async () => {
    expect(await getSearchCharts(db, search('q=zzzzqqqq'))).toEqual({ total: 0, charts: [] });
  });

  it('writes statistics as CSV with names beside codes', async () => {
    const by = ['theme', 'month'] as const;
    const rows = await getStatistics(db, search('region=11'), [...by]);
    const csv = statisticsCsv(rows, [...by], await loadStatisticLabels(db));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('theme,theme_label,month,projects');
    expect(lines).toHaveLength(rows.length + 1);
    const labels = await loadStatisticLabels(db);
    for (const row of rows.slice(0, 3)) {
      const label = labels.label('theme', row.theme ?? '');
      expect(label).not.toBe(row.theme);
      expect(lines).toContain(`${row.theme},${label},${row.month},${row.projects}`);
    }
    const en = await loadStatisticLabels(db, 'en');
    expect(en.label('stage', 'scaling')).toBe('Scaling up');
    expect(en.regionOf('69')).toBe('84');
  });
});
