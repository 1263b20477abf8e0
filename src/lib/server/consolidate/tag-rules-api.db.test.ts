import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { testDatabaseKind } from '../../../../test/support/test-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import { parseConfig } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import { listUnmappedTags } from '../taxonomy/unmapped-tags.ts';

/** The endpoint as SvelteKit calls it, on a test database (the app is replaced). */
const app: { config: ReturnType<typeof parseConfig>; db: Database | undefined } = {
  config: { ...parseConfig({}), adminToken: 'a-long-enough-admin-token' },
  db: undefined,
};
vi.mock('$lib/server/app.ts', () => ({ getApp: async () => app }));

const { POST } = await import('../../../routes/api/v1/tags/rules/+server.ts');
type PostEvent = Parameters<typeof POST>[0];
const BEARER = 'Bearer a-long-enough-admin-token';

function post(body: unknown, authorization: string | null = BEARER): Promise<Response> {
  const url = new URL('http://tadata.test/api/v1/tags/rules');
  const request = new Request(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  });
  return Promise.resolve(POST({ request, url } as unknown as PostEvent));
}

describe(`tag rules API (${testDatabaseKind()})`, () => {
  let tag: string;
  beforeAll(async () => {
    app.db = await openDemoDatabase();
    const [first] = await listUnmappedTags(app.db);
    if (!first) throw new Error('the demo has no unmapped tag');
    tag = first.tag;
  });
  afterAll(() => app.db?.close());

  it("maps a partner's unmapped tag for a coordinator, and the records follow at once", async () => {
    expect((await post({ partner: DEMO_PARTNER.slug, tag, codes: ['DRO'] }, null)).status).toBe(401);
    const response = await post({ partner: DEMO_PARTNER.slug, tag, codes: ['DRO'] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()).data).toMatchObject({
      tag,
      codes: ['DRO'],
      replaced: null,
      recordsReread: 150,
    });
    expect((await listUnmappedTags(app.db as Database)).map((t) => t.tag)).not.toContain(tag);
    const removed = await post({ partner: DEMO_PARTNER.slug, tag, codes: null });
    expect((await removed.json()).data).toMatchObject({ codes: null });
    expect((await listUnmappedTags(app.db as Database)).map((t) => t.tag)).toContain(tag);
  });

  it('names what is wrong in a bad request', async () => {
    const cases: [unknown, number, string][] = [
      ['{not json', 400, 'body'],
      [{ partner: DEMO_PARTNER.slug, tag, codes: [] }, 400, 'codes'],
      [{ partner: DEMO_PARTNER.slug, tag, codes: ['ZZZ'] }, 400, 'codes'],
      [{ partner: DEMO_PARTNER.slug, codes: ['DRO'] }, 400, 'tag'],
    ];
    for (const [body, status, parameter] of cases) {
      const response = await post(body);
      expect(response.status).toBe(status);
      expect((await response.json()).error).toMatchObject({ code: 'invalid_parameter', parameter });
    }
    expect((await post({ partner: 'personne', tag, codes: ['DRO'] })).status).toBe(404);
  });
});
