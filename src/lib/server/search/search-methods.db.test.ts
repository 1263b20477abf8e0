import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { countSearchCharts } from '../charts/search-charts.ts';
import { searchedProjects } from '../exports/search-export.ts';
import { writeExport } from '../exports/write-export.ts';
import { getStatistics, getTaxonomy } from '../opendata/open-data.ts';
import type { Database } from '../platform/db/database.ts';
import { getProjectPage } from '../projects/get-project-page.ts';
import type { ProjectPageView } from '../projects/project.views.ts';
import { matchingProjectIds } from './matching-project-ids.ts';
import { parseSearchParams } from './parse-search-params.ts';
import { searchFacets, searchProjects } from './search-projects.ts';

/** The method filter and facet: three demo projects are given methods, the rest have none. */
describe('the method filter and facet', () => {
  let db: Database;
  const given = new Map<string, string[]>([
    ['La Cravate Solidaire', ['COO']],
    ['Job dans la Ville', ['COO', 'PAR']],
    ['Parler bambin', ['REC']],
  ]);
  const idOf = new Map<string, number>();
  beforeAll(async () => {
    db = await openDemoDatabase();
    for (const [name, methods] of given) {
      const [row] = await db.query<{ id: number }>(
        `UPDATE project SET methods = $2 WHERE name = $1 RETURNING id`,
        [name, methods],
      );
      if (!row) throw new Error(`no demo project named ${name}`);
      idOf.set(name, row.id);
    }
  });
  afterAll(() => db.close());

  const params = (query: string) => parseSearchParams(new URLSearchParams(query));
  const names = async (query: string) =>
    (await searchProjects(db, params(`${query}&sort=name&per_page=100`))).items.map((p) => p.name);

  it('narrows a search to the projects with any of the methods, codes in any case', async () => {
    expect(await names('method=COO')).toEqual(['Job dans la Ville', 'La Cravate Solidaire']);
    expect(await names('method=coo,rec')).toEqual([
      'Job dans la Ville',
      'La Cravate Solidaire',
      'Parler bambin',
    ]);
    expect(await names('method=PAR&method=MED')).toEqual(['Job dans la Ville']);
    expect(await names('method=EVA')).toEqual([]);
    expect((await searchProjects(db, params(''))).total).toBe(150);
  });

  it('counts methods disjunctively, with their French labels', async () => {
    const facets = await searchFacets(db, params('method=COO'));
    expect(facets.method).toEqual([
      { code: 'COO', label: 'Coopération', count: 2, selected: true },
      { code: 'PAR', label: 'Participation', count: 1, selected: false },
      { code: 'REC', label: 'Recherche', count: 1, selected: false },
    ]);
    // The other facets count only the projects the method keeps.
    const themed = facets.theme.reduce((sum, v) => sum + v.count, 0);
    expect(themed).toBeGreaterThanOrEqual(2);
    expect(themed).toBeLessThanOrEqual(2 * 3);
    // And other filters narrow the method counts.
    const narrowed = await searchFacets(db, params('q=cravate'));
    expect(narrowed.method).toEqual([{ code: 'COO', label: 'Coopération', count: 1, selected: false }]);
  });

  it('counts the projects of each 2018 method choice in the taxonomy, with its filter code', async () => {
    const terms = await getTaxonomy(db);
    const method = (code: string) => terms.find((t) => t.vocabulary === 'methode2018' && t.code === code);
    expect(method('cooperate')).toMatchObject({ label: 'Coopération', filterCodes: ['COO'], projects: 2 });
    expect(method('evaluate')).toMatchObject({ filterCodes: ['EVA'], projects: 0 });
    const youth = terms.find((t) => t.vocabulary === 'public2018' && t.code === 'youth');
    expect(youth).toMatchObject({ filterCodes: ['JEU'], projects: 0 });
    expect(terms.find((t) => t.vocabulary === 'theme' && t.code === 'EMP')?.filterCodes).toBeNull();
  });

  it('labels publics with their French names too, in facets and on the project', async () => {
    const id = idOf.get('Job dans la Ville');
    const [{ slug } = { slug: '' }] = await db.query<{ slug: string }>(
      `UPDATE project SET publics = '{JEU}' WHERE id = $1 RETURNING slug`,
      [id],
    );
    try {
      const facets = await searchFacets(db, params('method=PAR'));
      expect(facets.public).toEqual([{ code: 'JEU', label: 'Jeunesse', count: 1, selected: false }]);
      const project = await getProjectPage(db, slug);
      expect(project?.publics).toEqual([{ code: 'JEU', label: 'Jeunesse' }]);
      expect(project?.methods).toEqual([
        { code: 'COO', label: 'Coopération' },
        { code: 'PAR', label: 'Participation' },
      ]);
    } finally {
      await db.query(`UPDATE project SET publics = '{}' WHERE id = $1`, [id]);
    }
  });

  it('narrows exports, map points, statistics and charts', async () => {
    const ids = await matchingProjectIds(db, params('method=COO'), 1000);
    expect(ids.sort()).toEqual([idOf.get('La Cravate Solidaire'), idOf.get('Job dans la Ville')].sort());
    const exported: ProjectPageView[] = [];
    for await (const p of searchedProjects(db, params('method=REC'))) exported.push(p);
    expect(exported.map((p) => p.name)).toEqual(['Parler bambin']);
    expect(exported[0]?.methods).toEqual([{ code: 'REC', label: 'Recherche' }]);
    const csv: string[] = [];
    for await (const chunk of writeExport(
      searchedProjects(db, params('method=PAR')),
      'csv',
      'https://x.test',
    )) {
      csv.push(chunk);
    }
    const [header, row, ...rest] = csv.join('').trim().split('\n');
    expect(rest).toEqual([]);
    // Job dans la Ville has no public: an empty publics cell, then its methods.
    expect(header).toContain(',subthemes,publics,methods,city,');
    expect(row).toContain(',,COO|PAR,');
    const rows = await getStatistics(db, params('method=COO,REC'), ['month']);
    expect(rows.reduce((sum, r) => sum + r.projects, 0)).toBe(3);
    expect((await countSearchCharts(db, params('method=PAR'))).total).toBe(1);
    expect((await countSearchCharts(db, params(''))).total).toBe(150);
  });
});
