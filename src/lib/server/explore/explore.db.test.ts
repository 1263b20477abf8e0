import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import type { Database } from '../platform/db/database.ts';
import { getPartnerPage, listPartners } from './partner-pages.ts';
import { sitemapPages, sitemapProjects, sitemapXml } from './sitemap.ts';
import { getTerritoryPage, listRegionCounts } from './territory-pages.ts';
import { getThemePage } from './theme-pages.ts';

describe('exploration pages on the demo projects', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('counts projects per région with populations and rates per 100,000', async () => {
    const regions = await listRegionCounts(db);
    expect(regions).toHaveLength(18);
    const idf = regions.find((r) => r.code === '11');
    expect(idf).toMatchObject({
      name: 'Île-de-France',
      slug: 'ile-de-france',
      path: '/territoires/ile-de-france',
    });
    expect(idf?.projects).toBeGreaterThan(50);
    expect(idf?.per100k).toBeCloseTo(((idf?.projects ?? 0) / (idf?.population ?? 1)) * 100_000, 1);
  });

  it('gives a région page by slug or code, with its départements and themes against France', async () => {
    const page = await getTerritoryPage(db, 'ile-de-france');
    const byCode = await getTerritoryPage(db, '11');
    expect(byCode?.territory.code).toBe('11');
    expect(page?.kind).toBe('region');
    expect(page?.children.map((d) => d.code)).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
    expect(page?.national.projects).toBe(150);
    const solidarity = page?.themes.find((t) => t.code === 'SOL');
    expect(solidarity?.share).toBeGreaterThan(0);
    expect(solidarity?.nationalShare).toBeGreaterThan(0);
    expect(page?.latest.length).toBeGreaterThan(0);
    for (const card of page?.latest ?? []) expect(card.region?.code).toBe('11');
    expect(page?.searchPath).toBe('/recherche?region=11');
  });

  it('gives a département page under its région, and nothing for a mismatch', async () => {
    const page = await getTerritoryPage(db, 'auvergne-rhone-alpes', 'rhone');
    expect(page).toMatchObject({
      kind: 'departement',
      territory: { code: '69', path: '/territoires/auvergne-rhone-alpes/rhone' },
    });
    expect(page?.parent?.code).toBe('84');
    expect(await getTerritoryPage(db, 'ile-de-france', 'rhone')).toBeNull();
    expect(await getTerritoryPage(db, 'atlantide')).toBeNull();
  });

  it('gives theme pages for themes and sub-themes', async () => {
    const emp = await getThemePage(db, 'EMP');
    expect(emp).toMatchObject({ kind: 'theme', label: 'Emploi', parent: null });
    expect(emp?.children.map((c) => c.code)).toEqual(['ACE', 'FOR', 'ORG']);
    expect(emp?.projects).toBeGreaterThan(0);
    expect(emp?.regions.reduce((sum, r) => sum + r.projects, 0)).toBeGreaterThanOrEqual(emp?.projects ?? 0);
    const ace = await getThemePage(db, 'ace');
    expect(ace).toMatchObject({ kind: 'subtheme', code: 'ACE', parent: { code: 'EMP', label: 'Emploi' } });
    expect(await getThemePage(db, 'ZZZ')).toBeNull();
  });

  it('lists partners and gives an active partner page, none for a suspended one', async () => {
    expect(await listPartners(db)).toEqual([
      expect.objectContaining({ slug: DEMO_PARTNER.slug, projects: 150, licence: 'CC-BY-SA-4.0' }),
    ]);
    const page = await getPartnerPage(db, DEMO_PARTNER.slug);
    expect(page?.projects).toBe(150);
    expect(page?.sources).toEqual([expect.objectContaining({ kind: 'file', lastRunAt: expect.any(String) })]);
    await db.query(`UPDATE partner SET status = 'suspended' WHERE slug = $1`, [DEMO_PARTNER.slug]);
    try {
      expect(await getPartnerPage(db, DEMO_PARTNER.slug)).toBeNull();
    } finally {
      await db.query(`UPDATE partner SET status = 'active' WHERE slug = $1`, [DEMO_PARTNER.slug]);
    }
  });

  it('lists every public page in the sitemap, escaped', async () => {
    const pages = await sitemapPages(db);
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '/',
        '/territoires/ile-de-france',
        '/territoires/ile-de-france/paris',
        '/thematiques/EMP',
      ]),
    );
    const projects = await sitemapProjects(db, 1);
    expect(projects).toHaveLength(150);
    expect(sitemapXml('https://cis.example.org', [{ path: '/a?b=1&c=2' }])).toContain(
      '<loc>https://cis.example.org/a?b=1&amp;c=2</loc>',
    );
    const xml = sitemapXml('https://cis.example.org', [{ path: '/projets/un-projet' }, { path: '/' }]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain(
      '<loc>https://cis.example.org/projets/un-projet</loc>' +
        '<xhtml:link rel="alternate" hreflang="fr" href="https://cis.example.org/projets/un-projet"/>' +
        '<xhtml:link rel="alternate" hreflang="en" href="https://cis.example.org/en/projets/un-projet"/>' +
        '<xhtml:link rel="alternate" hreflang="x-default" href="https://cis.example.org/projets/un-projet"/>',
    );
    expect(xml).toContain('hreflang="en" href="https://cis.example.org/en"/>');
  });
});
