import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSites, type TestSites } from '../../../../test/sites/start-test-sites.ts';
import { drupalConfig, saveTestSource, TEST_HARVEST } from '../../../../test/support/harvest-runs.ts';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import { parseConfig } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';

/** The endpoints as SvelteKit calls them, on a test database (the app is replaced). */
const app: { config: ReturnType<typeof parseConfig>; db: Database | undefined } = {
  config: parseConfig({}),
  db: undefined,
};
vi.mock('$lib/server/app.ts', () => ({ getApp: async () => app }));

const { POST } = await import('../../../routes/api/v1/sources/preview/+server.ts');
const { GET } = await import('../../../routes/api/v1/sources/+server.ts');

type PostEvent = Parameters<typeof POST>[0];
type GetEvent = Parameters<typeof GET>[0];
const TOKEN = 'a-long-enough-admin-token';

function preview(body: unknown, authorization?: string, query = ''): Promise<Response> {
  const url = new URL(`http://tadata.test/api/v1/sources/preview${query}`);
  const request = new Request(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  });
  return Promise.resolve(POST({ request, url } as unknown as PostEvent));
}

describe(`sources API (${testDatabaseKind()})`, () => {
  let sites: TestSites;

  beforeAll(async () => {
    app.db = await openTestDatabase();
    sites = await startTestSites();
    app.config = { ...parseConfig({}), harvest: TEST_HARVEST };
  });
  afterAll(async () => {
    await sites?.stop();
    await app.db?.close();
  });

  it('POST /api/v1/sources/preview answers 404 when no admin token is configured', async () => {
    app.config = { ...app.config, adminToken: undefined };
    const response = await preview(drupalConfig(sites.origin), `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
  });

  it('answers 401 without the right token', async () => {
    app.config = { ...app.config, adminToken: TOKEN };
    expect((await preview(drupalConfig(sites.origin))).status).toBe(401);
    expect((await preview(drupalConfig(sites.origin), 'Bearer wrong-token-of-some-length')).status).toBe(401);
  });

  it('validates the config and explains the problems', async () => {
    const response = await preview({ kind: 'html', schemaVersion: 1 }, `Bearer ${TOKEN}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(body.error.code).toBe('invalid_config');
    expect(body.error.problems.map((p) => p.path)).toContain('$.startUrls');
    expect((await preview('{not json', `Bearer ${TOKEN}`)).status).toBe(400);
  });

  it('previews a config with the right token: records and per-field diagnostics, nothing saved', async () => {
    const response = await preview(drupalConfig(sites.origin), `Bearer ${TOKEN}`, '?limit=4');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: {
        records: { key: string; fields: Record<string, unknown> }[];
        diagnostics: { fields: Record<string, { matched: number }> };
      };
    };
    expect(body.data.records).toHaveLength(4);
    expect(body.data.records[0]?.key).toMatch(/\/drupal\/projet\//);
    expect(body.data.diagnostics.fields.title?.matched).toBe(4);
    const [runs] = (await app.db?.query<{ n: number }>(`SELECT count(*)::int AS n FROM harvest_run`)) ?? [];
    expect(runs?.n).toBe(0);
  });

  it('GET /api/v1/sources lists sources with their health, public fields only', async () => {
    if (!app.db) throw new Error('no db');
    await saveTestSource(app.db, 'drupal', drupalConfig(sites.origin));
    await app.db.query(`UPDATE source SET health = 'attention', health_reason = 'the site may have changed'`);
    const response = await GET({} as GetEvent);
    const body = (await response.json()) as { data: Record<string, unknown>[] };
    expect(body.data).toEqual([
      {
        slug: 'drupal',
        name: 'drupal',
        kind: 'html',
        partner: { slug: 'fondation-synthetique', name: 'Fondation synthétique' },
        lastSuccessfulRunAt: null,
        health: { status: 'attention', reason: 'the site may have changed' },
      },
    ]);
  });
});
