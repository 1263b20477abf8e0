import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { startTadataServer, type TadataServer } from '../support/tadata-server.ts';

// The embedded database survives a crash (kill -9) and a restart does not import the demo twice.
const DEMO_PROJECTS = 150;

const projectList = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ total: z.number() }),
});

async function getProjects(server: TadataServer, query: string): Promise<z.infer<typeof projectList>> {
  const response = await fetch(`${server.url}/api/v1/projects?${query}`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  expect(response.status, `GET /api/v1/projects?${query}: ${body.slice(0, 500)}`).toBe(200);
  expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  return projectList.parse(JSON.parse(body));
}

/** Log lines (JSON, one a line; anything else kept as text) that mention the demo. */
function demoLogLines(logs: string): string[] {
  return logs
    .split('\n')
    .map((line) => {
      try {
        const entry: unknown = JSON.parse(line);
        if (entry && typeof entry === 'object' && 'msg' in entry) return JSON.stringify(entry);
      } catch {
        // Not JSON: keep the raw line.
      }
      return line;
    })
    .filter((line) => /d[eé]mo/i.test(line));
}

describe('restart persistence (embedded PGlite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tadata-e2e-restart-'));
  let server: TadataServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('data survives SIGKILL and the demo is imported only once', async () => {
    // First start on an empty data directory: the demo is imported.
    server = await startTadataServer({ dataDir, env: { LOAD_DEMO: 'true' } });
    const search = await getProjects(server, 'q=emploi');
    expect(search.data.length).toBeGreaterThan(0);
    expect(search.meta.total).toBeGreaterThan(0);
    const all = await getProjects(server, 'per_page=1');
    expect(all.meta.total).toBe(DEMO_PROJECTS);
    expect(all.data).toHaveLength(1);
    expect(demoLogLines(server.logs()), 'the first start logs the demo import').not.toEqual([]);

    // A crash, then a restart on the same data.
    await server.stop('SIGKILL');
    server = await startTadataServer({ dataDir, env: { LOAD_DEMO: 'true' } });
    const again = await getProjects(server, 'per_page=1');
    expect(again.meta.total).toBe(DEMO_PROJECTS);
    const searchAgain = await getProjects(server, 'q=emploi');
    expect(searchAgain.meta.total).toBe(search.meta.total);

    const demoLines = demoLogLines(server.logs());
    expect(
      demoLines.some((line) => /skip|already|not|exist|d[ée]j[àa]|present|non/i.test(line)),
      `the second start says the demo was not imported again; demo log lines: ${JSON.stringify(demoLines)}`,
    ).toBe(true);
  }, 240_000); // two server starts, the first with the demo import
});
