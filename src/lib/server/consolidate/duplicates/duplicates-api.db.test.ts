import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDemoDatabase } from '../../../../../test/support/demo-database.ts';
import { testDatabaseKind } from '../../../../../test/support/test-database.ts';
import { importFile } from '../../imports/import-file.ts';
import { createPartner } from '../../partners/partner-repository.ts';
import { parseConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { findRedirect } from './find-redirect.ts';

/** The endpoints as SvelteKit calls them, on a test database (the app is replaced). */
const app: { config: ReturnType<typeof parseConfig>; db: Database | undefined } = {
  config: parseConfig({}),
  db: undefined,
};
vi.mock('$lib/server/app.ts', () => ({ getApp: async () => app }));

const { GET, POST } = await import('../../../../routes/api/v1/duplicates/+server.ts');
type GetEvent = Parameters<typeof GET>[0];
type PostEvent = Parameters<typeof POST>[0];
const TOKEN = 'a-long-enough-admin-token';
const BEARER = `Bearer ${TOKEN}`;

interface Queue {
  data: { score: number; projects: { id: string; name: string; path: string }[] }[];
}

function list(authorization?: string): Promise<Response> {
  const url = new URL('http://tadata.test/api/v1/duplicates');
  const request = new Request(url, { headers: authorization ? { authorization } : {} });
  return Promise.resolve(GET({ request, url } as unknown as GetEvent));
}

function decide(body: unknown, authorization?: string): Promise<Response> {
  const url = new URL('http://tadata.test/api/v1/duplicates');
  const request = new Request(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  });
  return Promise.resolve(POST({ request, url } as unknown as PostEvent));
}

describe(`duplicates review API (${testDatabaseKind()})`, () => {
  beforeAll(async () => {
    app.db = await openDemoDatabase();
    // Another partner lists a project of the same name in Paris, carried by someone else: a doubt.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tadata-dup-api-')), 'autre.csv');
    writeFileSync(
      file,
      'id;titre;porteur;ville;code postal\n1;Échanger et Coopérer;Les Voisins Solidaires;Paris;75011\n',
    );
    await createPartner(app.db, { slug: 'autre', name: 'Autre réseau' });
    await importFile(app.db, { file, partnerSlug: 'autre' });
  });
  afterAll(() => app.db?.close());

  it('does not exist without an admin token configured, and refuses a wrong token', async () => {
    app.config = { ...parseConfig({}), adminToken: undefined };
    expect((await list(BEARER)).status).toBe(404);
    expect((await decide({ projects: ['a', 'b'], decision: 'merge' }, BEARER)).status).toBe(404);
    app.config = { ...parseConfig({}), adminToken: TOKEN };
    expect((await list()).status).toBe(401);
    expect((await list('Bearer not-the-right-token')).status).toBe(401);
    expect((await decide({ projects: ['a', 'b'], decision: 'merge' })).status).toBe(401);
  });

  it('lists the pairs waiting for review to a coordinator, and names a bad parameter', async () => {
    const response = await list(BEARER);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const queue = (await response.json()) as Queue;
    expect(queue.data).toHaveLength(1);
    expect(queue.data[0]?.projects.map((p) => p.name)).toEqual([
      'Échanger et Coopérer',
      'Échanger et Coopérer',
    ]);

    const bad = await decide({ projects: ['only-one'], decision: 'merge' }, BEARER);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe('projects');
    const badDecision = await decide({ projects: ['a', 'b'], decision: 'maybe' }, BEARER);
    expect(((await badDecision.json()) as { error: { parameter: string } }).error.parameter).toBe('decision');
    expect((await decide('{not json', BEARER)).status).toBe(400);
    const unknown = await decide({ projects: ['nope-1', 'nope-2'], decision: 'merge' }, BEARER);
    expect(unknown.status).toBe(404);
  });

  it('merges a pair on a coordinator’s decision: one project left, the other address redirects', async () => {
    const queue = (await (await list(BEARER)).json()) as Queue;
    const ids = queue.data[0]?.projects.map((p) => p.id) as [string, string];
    const [before] = (await app.db?.query<{ n: number }>('SELECT count(*)::int AS n FROM project')) ?? [];
    const response = await decide({ projects: ids, decision: 'merge' }, BEARER);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { decision: 'merge', projects: ids } });
    const [after] = (await app.db?.query<{ n: number }>('SELECT count(*)::int AS n FROM project')) ?? [];
    expect(after?.n).toBe((before?.n ?? 0) - 1);
    const db = app.db as Database;
    const redirects = await Promise.all(ids.map((id) => findRedirect(db, id)));
    expect(redirects.filter(Boolean)).toHaveLength(1);
    expect(((await (await list(BEARER)).json()) as Queue).data).toEqual([]);
  });
});
