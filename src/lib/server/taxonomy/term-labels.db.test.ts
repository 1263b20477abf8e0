import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { getProjectPage } from '../projects/get-project-page.ts';
import { localizeProjectPage } from '../projects/localize-project-terms.ts';
import { localizeFacets } from '../search/localize-search-terms.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import { searchFacets } from '../search/search-projects.ts';
import { termLabels } from './term-labels.ts';

describe('termLabels', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('keeps French labels on French pages and gives English ones on English pages', async () => {
    const french = await termLabels(db, 'fr');
    expect(french.label('theme', 'SAN', 'Santé')).toBe('Santé');
    const english = await termLabels(db, 'en');
    expect(english.label('theme', 'SAN', 'Santé')).toBe('Health');
    expect(english.label('subtheme', 'EDC', 'x')).toBe('Citizenship education');
    // Publics and methods are 2018 tags.
    expect(english.label('tag2018', 'AME', 'Aménagement')).toBe('Planning');
    // An unknown code keeps the label it came with.
    expect(english.label('theme', 'NOPE', 'Inconnu')).toBe('Inconnu');
    expect(english.terms('theme', [{ code: 'EMP', label: 'Emploi', count: 3 }])).toEqual([
      { code: 'EMP', label: 'Employment', count: 3 },
    ]);
  });

  it('puts a project page and the search facets in English', async () => {
    const [row] = await db.query<{ slug: string }>(
      `SELECT slug FROM project WHERE published AND cardinality(public_partners) > 0 AND cardinality(themes) > 0
       ORDER BY public_id LIMIT 1`,
    );
    const page = await getProjectPage(db, row?.slug ?? '');
    if (!page) throw new Error('the demo has no published project with themes');
    const english = localizeProjectPage(page, await termLabels(db, 'en'));
    const [theme] = await db.query<{ label_en: string }>(
      `SELECT label_en FROM taxonomy_term WHERE vocabulary = 'theme' AND code = $1`,
      [page.themes[0]?.code],
    );
    expect(english.themes[0]?.label).toBe(theme?.label_en);
    expect(english.themes[0]?.label).not.toBe(page.themes[0]?.label);
    expect(localizeProjectPage(page, await termLabels(db, 'fr'))).toBe(page);

    const facets = await searchFacets(db, parseSearchParams(new URLSearchParams()));
    const englishFacets = localizeFacets(facets, await termLabels(db, 'en'));
    expect(englishFacets.theme.find((t) => t.code === 'SAN')?.label).toBe('Health');
    // Places and partners keep their names.
    expect(englishFacets.region).toEqual(facets.region);
  });
});
