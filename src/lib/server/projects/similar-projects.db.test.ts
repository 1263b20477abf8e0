import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import type { Database } from '../platform/db/database.ts';
import { getProjectPage } from './get-project-page.ts';
import { getSimilarProjects } from './get-similar-projects.ts';

describe('getSimilarProjects', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('gives public projects sharing a theme, in other départements', async () => {
    const [row] = await db.query<{ slug: string }>(
      `SELECT slug FROM project WHERE name = 'La Cravate Solidaire'`,
    );
    const project = await getProjectPage(db, row?.slug ?? '');
    const similar = await getSimilarProjects(db, row?.slug ?? '', 4);
    expect(similar).toHaveLength(4);
    const themes = new Set(project?.themes.map((t) => t.code));
    for (const card of similar) {
      expect(card.slug).not.toBe(project?.slug);
      expect(card.themes.some((t) => themes.has(t.code))).toBe(true);
      expect(card.departement?.code).not.toBe('28');
      expect(card.credits.length).toBeGreaterThan(0);
    }
    expect(await getSimilarProjects(db, 'unknown')).toEqual([]);
  });
});
