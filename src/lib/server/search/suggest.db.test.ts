import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { suggest } from './suggest.ts';

describe('suggest', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('suggests projects, themes and places as the user types', async () => {
    const projects = await suggest(db, 'crav');
    expect(projects[0]).toMatchObject({ kind: 'project', label: 'La Cravate Solidaire' });
    expect(projects[0]?.path).toMatch(/^\/projets\//);
    const themes = await suggest(db, 'emplo');
    expect(themes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'theme', code: 'EMP' })]));
    const places = await suggest(db, 'montreu');
    expect(places).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'commune', code: '93048', path: '/recherche?commune=93048' }),
      ]),
    );
    const region = await suggest(db, 'ile-de');
    expect(region).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'region', code: '11' })]));
    expect(await suggest(db, 'a')).toEqual([]);
  });

  it('labels themes in English when asked, and matches English words too', async () => {
    const french = await suggest(db, 'sante');
    expect(french).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SAN', label: 'Santé' })]),
    );
    const english = await suggest(db, 'sante', 5, 'en');
    expect(english).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SAN', label: 'Health' })]),
    );
    const typedInEnglish = await suggest(db, 'health', 5, 'en');
    expect(typedInEnglish).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'theme', code: 'SAN', label: 'Health' })]),
    );
    // French pages do not match English words.
    expect((await suggest(db, 'health')).filter((s) => s.kind === 'theme')).toEqual([]);
  });
});
