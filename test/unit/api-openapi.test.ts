import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp } from '../../src/lib/server/app.ts';
import { API_EXAMPLES, buildOpenApiDocument } from '../../src/lib/server/http/openapi.ts';
import { parseConfig, setConfig } from '../../src/lib/server/platform/config.ts';
import { GET as partners } from '../../src/routes/api/v1/partners/+server.ts';
import { GET as searchProjects } from '../../src/routes/api/v1/projects/+server.ts';
import { GET as getProject } from '../../src/routes/api/v1/projects/[id]/+server.ts';
import { GET as exportProjects } from '../../src/routes/api/v1/projects.[format]/+server.ts';
import { GET as statistics } from '../../src/routes/api/v1/statistics/+server.ts';
import { GET as suggest } from '../../src/routes/api/v1/suggest/+server.ts';
import { GET as taxonomy } from '../../src/routes/api/v1/taxonomy/+server.ts';
import { GET as territories } from '../../src/routes/api/v1/territories/+server.ts';

type Handler = (event: never) => Response | Promise<Response>;
const ROUTES: [RegExp, Handler][] = [
  [/^\/api\/v1\/projects$/, searchProjects as Handler],
  [/^\/api\/v1\/projects\/([^/]+)$/, getProject as Handler],
  [/^\/api\/v1\/projects\.(\w+)$/, exportProjects as Handler],
  [/^\/api\/v1\/suggest$/, suggest as Handler],
  [/^\/api\/v1\/taxonomy$/, taxonomy as Handler],
  [/^\/api\/v1\/territories$/, territories as Handler],
  [/^\/api\/v1\/partners$/, partners as Handler],
  [/^\/api\/v1\/statistics$/, statistics as Handler],
];

/** Calls the route's handler as SvelteKit would (hooks aside), without a network. */
async function call(pathAndQuery: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(pathAndQuery, 'http://tadata.test');
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (match) {
      const event = {
        url,
        request: new Request(url, { headers }),
        params: { id: match[1] ?? '', format: match[1] ?? '' },
      };
      return handler(event as never);
    }
  }
  throw new Error(`no route for ${url.pathname}`);
}

describe('the open data API', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tadata-api-'));
    setConfig(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOAD_DEMO: 'true' }));
    await getApp();
  }, 120_000);
  afterAll(async () => {
    await (await getApp()).db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes a well-formed OpenAPI 3.1 document', () => {
    const doc = buildOpenApiDocument('http://tadata.test');
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    for (const [route, item] of Object.entries(doc.paths)) {
      expect(route.startsWith('/')).toBe(true);
      for (const operation of Object.values(item)) {
        expect(operation.operationId).toBeTruthy();
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        const params = ('parameters' in operation ? operation.parameters : []) as {
          name: string;
          in: string;
          schema: unknown;
        }[];
        for (const p of params) {
          expect(p.name).toMatch(/^[a-z_]+$/);
          expect(['query', 'path']).toContain(p.in);
          expect(p.schema).toBeTypeOf('object');
        }
        for (const name of route.match(/\{(\w+)\}/g) ?? []) {
          expect(params.some((p) => p.in === 'path' && `{${p.name}}` === name)).toBe(true);
        }
      }
    }
    const text = JSON.stringify(doc);
    for (const ref of text.match(/"\$ref":"#\/components\/schemas\/(\w+)"/g) ?? []) {
      const name = ref.split('/').at(-1)?.replace('"', '') ?? '';
      expect(doc.components.schemas).toHaveProperty(name);
    }
    const search = doc.paths['/projects'].get.parameters.map((p) => p.name);
    expect(search).toEqual(
      expect.arrayContaining(['q', 'theme', 'region', 'bbox', 'sort', 'cursor', 'per_page']),
    );
  });

  it.each(API_EXAMPLES)('runs the example "$summary"', async ({ path: example, status }) => {
    const response = await call(example);
    expect(response.status).toBe(status);
    if (example.includes('.csv')) {
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      return;
    }
    const body = await response.json();
    if (status === 200) expect(body.data.length).toBeGreaterThan(0);
    else expect(body.error).toMatchObject({ code: 'invalid_parameter', parameter: 'page' });
  });

  it('answers with facets, cursors, CORS, cache headers and ETags', async () => {
    const response = await call('/api/v1/projects?q=solidaire&per_page=5');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/max-age=/);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const body = await response.json();
    expect(body.meta.facets.theme.length).toBeGreaterThan(0);
    expect(body.meta.facets.region[0]).toMatchObject({ code: expect.any(String), count: expect.any(Number) });
    expect(body.data[0].credits[0].partner.slug).toBeTruthy();
    expect(body.links.next).toMatch(/cursor=/);
    const next = await (await call(body.links.next.replace('http://tadata.test', ''))).json();
    expect(next.data.map((p: { id: string }) => p.id)).not.toContain(body.data[0].id);
    const again = await call('/api/v1/projects?q=solidaire&per_page=5', { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    const project = await call(`/api/v1/projects/${body.data[0].slug}`);
    expect((await project.json()).data.credits.length).toBeGreaterThan(0);
    const missing = await call('/api/v1/projects/nope');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('exports a whole search as CSV, streamed', async () => {
    const response = await call('/api/v1/projects.csv?q=solidaire');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\n');
    const total = (await (await call('/api/v1/projects?q=solidaire')).json()).meta.total;
    expect(lines.length).toBe(total + 1);
    expect((await call('/api/v1/projects.xml')).status).toBe(400);
  });

  it.each([
    ['/api/v1/projects?sort=distance', 'sort'],
    ['/api/v1/projects?bbox=1,2', 'bbox'],
    ['/api/v1/projects?lat=95&lon=2', 'lat'],
    ['/api/v1/projects?cursor=%21%21', 'cursor'],
    ['/api/v1/suggest?limit=99', 'limit'],
    ['/api/v1/suggest?q=sante&lang=de', 'lang'],
    ['/api/v1/territories?level=planet', 'level'],
    ['/api/v1/statistics?by=colour', 'by'],
  ])('refuses %s with a 400 naming %s', async (url, parameter) => {
    const response = await call(url);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_parameter', parameter });
  });
});
