import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, testDatabaseKind } from '../support/test-database.ts';

const run = promisify(execFile);
const demo = 'data/demo/ffe-laureats-2019.csv';
const partner = ['--partner', 'ffe', '--partner-name', "Fondation La France s'Engage"];

/** The `tadata` command as a user runs it, on PGlite in a temporary DATA_DIR or on PostgreSQL. */
describe(`tadata import and export (${testDatabaseKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-cli-'));
  const env: Record<string, string> = {
    ...process.env,
    DATA_DIR: dir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
  } as Record<string, string>;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      const database = await createEmptyPostgresDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
  });
  afterAll(async () => drop?.());

  async function tadata(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/tadata.js', ...args], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function projectCount(): Promise<number> {
    const { stdout } = await tadata('export', '--format', 'json');
    return (JSON.parse(stdout) as unknown[]).length;
  }

  it('imports the demo file twice and leaves exactly 150 projects', async () => {
    const first = await tadata('import', demo, ...partner, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'cis', projects: { created: 150 } });
    const second = await tadata('import', demo, '--partner', 'ffe');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 new, 0 changed, 150 unchanged, 0 gone');
    expect(await projectCount()).toBe(150);
  });

  it('refuses a file with a broken row, naming the file and line, and changes nothing', async () => {
    const lines = readFileSync(demo, 'utf8').split('\n');
    // Insert before the third project's first line (descriptions may span several lines).
    const at = lines
      .map((l, i) => (l.startsWith("La Fondation La France s'Engage,") ? i : -1))
      .filter((i) => i >= 0)[2] as number;
    lines.splice(at, 0, 'only,three,fields');
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, lines.join('\n'));
    const result = await tadata('import', broken, '--partner', 'ffe');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${broken} (line ${at + 1}): the row has 3 fields where the header has 56`,
    );
    expect(result.stderr).toContain('nothing was imported');
    expect(await projectCount()).toBe(150);
  });

  it('exports CSV and GeoJSON with the partner, its link and the licence', async () => {
    const csv = (await tadata('export', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toContain('partners,partnerUrls,licences');
    const cravate = csv.find((l) => l.startsWith('') && l.includes('La Cravate Solidaire'));
    expect(cravate).toContain(
      "Fondation La France s'Engage,https://fondationlafrancesengage.org/portfolio/La-Cravate-Solidaire,CC-BY-SA-4.0",
    );
    const geojson = JSON.parse((await tadata('export', '--format', 'geojson')).stdout) as {
      features: {
        geometry: { coordinates: number[] } | null;
        properties: { sources: { partner: string; url: string }[] };
      }[];
    };
    expect(geojson.features).toHaveLength(150);
    expect(
      geojson.features.every((f) => f.properties.sources[0]?.partner === "Fondation La France s'Engage"),
    ).toBe(true);
    expect(geojson.features.filter((f) => f.geometry).length).toBe(150);
  });

  it('explains usage errors with the help', async () => {
    const result = await tadata('import', demo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--partner <slug> is required');
    expect(result.stderr).toContain('Usage: tadata import');
  });
});
