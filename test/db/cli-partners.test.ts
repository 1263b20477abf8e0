import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTadata } from '../support/run-tadata.ts';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

const CRAVATE_PAGE = 'https://fondationlafrancesengage.org/portfolio/La-Cravate-Solidaire';

/** A coordinator applies a partner's charter rules from the command line, on PGlite and PostgreSQL. */
describe(`tadata partners list, show, set (${testDatabaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-cli-partners-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
  };
  let drop: (() => Promise<void>) | undefined;
  const tadata = (...args: string[]) => runTadata(args, env);
  const publishedNames = async (): Promise<string[]> => {
    const exported = await tadata('export', '--format', 'json');
    expect(exported.code).toBe(0);
    return (JSON.parse(exported.stdout) as { name: string }[]).map((p) => p.name);
  };

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
    const imported = await tadata(
      'import',
      'data/demo/ffe-laureats-2019.csv',
      '--partner',
      'ffe',
      '--partner-name',
      'FFE',
    );
    expect(imported.code).toBe(0);
  });
  afterAll(async () => drop?.());

  it('excludes an item at once, shows the rule, and brings the item back when the rule goes', async () => {
    const excluded = await tadata('partners', 'set', 'ffe', '--exclude', `url:${CRAVATE_PAGE}`, '--json');
    expect(excluded.code).toBe(0);
    expect(JSON.parse(excluded.stdout)).toMatchObject({
      partner: { slug: 'ffe', exclusions: [{ kind: 'url', value: CRAVATE_PAGE }] },
      consolidation: { unpublished: 1 },
    });
    const names = await publishedNames();
    expect(names).not.toContain('La Cravate Solidaire');
    expect(names).toHaveLength(149);

    const shown = await tadata('partners', 'show', 'ffe');
    expect(shown.stdout).toContain('ffe: FFE (active, media allowed');
    expect(shown.stdout).toContain(`url:${CRAVATE_PAGE}`);

    const back = await tadata('partners', 'set', 'ffe', '--unexclude', `url:${CRAVATE_PAGE}`);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('no exclusion');
    expect(back.stdout).toMatch(/1 republished/);
    expect(await publishedNames()).toContain('La Cravate Solidaire');
  }, 180_000);

  it("takes a suspended partner's projects out of the public dataset, and back", async () => {
    expect((await tadata('partners', 'set', 'ffe', '--status', 'suspended')).code).toBe(0);
    expect(await publishedNames()).toEqual([]);
    const list = await tadata('partners', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ slug: 'ffe', status: 'suspended' })]);
    expect((await tadata('partners', 'set', 'ffe', '--status', 'active')).code).toBe(0);
    expect(await publishedNames()).toHaveLength(150);
  }, 180_000);

  it('explains wrong options and unknown partners', async () => {
    const status = await tadata('partners', 'set', 'ffe', '--status', 'paused');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status must be one of active, suspended, excluded');
    const kind = await tadata('partners', 'set', 'ffe', '--exclude', 'page:https://x.org');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--exclude "page:https://x.org": write url:');
    const nothing = await tadata('partners', 'set', 'ffe');
    expect(nothing.stderr).toContain('nothing to change');
    const unknown = await tadata('partners', 'show', 'personne');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no partner "personne"');
  });
});
