import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../config/source-config.schema.ts';
import { validateSourceConfig } from '../config/validate-source-config.ts';
import { crawlSource } from '../crawl-source.ts';
import { toIncomingRecords } from '../incoming-records.ts';
import type { FetchedPage, FetchPage } from './crawl-types.ts';

function config(input: unknown): SourceConfig {
  const result = validateSourceConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

/** Synthetic responses built in the test (no saved file needed). */
function serve(pages: Record<string, Omit<FetchedPage, 'url' | 'status'>>): FetchPage {
  return async (url) => {
    const page = pages[url];
    return page ? { url, status: 200, ...page } : { url, status: 404, contentType: null, body: '' };
  };
}

describe('crawlSource: file', () => {
  const csv = 'identifiant;nom;ville\n1;Jardin partagé;Lyon\n2;Repair café;\n1;Doublon;Paris\n';

  it('reads a CSV file, every column a field, keyed by a column', async () => {
    const result = await crawlSource(
      config({
        kind: 'file',
        schemaVersion: 1,
        url: 'https://data.example/p.csv',
        format: 'csv',
        key: 'identifiant',
      }),
      serve({ 'https://data.example/p.csv': { contentType: 'text/csv', body: csv } }),
    );
    expect(result.complete).toBe(true);
    expect(result.records).toEqual([
      { key: '1', sourceUrl: null, fields: { identifiant: '1', nom: 'Jardin partagé', ville: 'Lyon' } },
      { key: '2', sourceUrl: null, fields: { identifiant: '2', nom: 'Repair café', ville: null } },
    ]);
    expect(result.diagnostics.messages).toContain(
      '1 items repeated a key already seen in this run and were skipped (first: 1)',
    );
  });

  it('reads an XLSX file (bytes from the fetcher) with chosen fields', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Projets');
    sheet.addRow(['ID', 'Nom du projet', 'Site']);
    sheet.addRow([7, 'Cantine solidaire', 'https://cantine.example']);
    sheet.addRow([8, 'Vélo-école', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await crawlSource(
      config({
        kind: 'file',
        schemaVersion: 1,
        url: 'https://data.example/p.xlsx',
        format: 'xlsx',
        key: 'id',
        fields: { id: { path: 'ID' }, titre: { path: "['Nom du projet']" }, site: { path: 'Site' } },
      }),
      serve({ 'https://data.example/p.xlsx': { contentType: 'application/vnd.ms-excel', body: '', bytes } }),
    );
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.fields)).toEqual([
      { id: '7', titre: 'Cantine solidaire', site: 'https://cantine.example' },
      { id: '8', titre: 'Vélo-école', site: null },
    ]);
    expect(result.diagnostics.fields.site).toEqual({ items: 2, matched: 1, fillRate: 0.5 });
  });

  it('reads a JSON file at a path, and fails plainly on a broken file', async () => {
    const fileConfig = config({
      kind: 'file',
      schemaVersion: 1,
      url: 'https://data.example/p.json',
      format: 'json',
      items: 'projets',
      key: 'code',
    });
    const ok = await crawlSource(
      fileConfig,
      serve({
        'https://data.example/p.json': {
          contentType: 'application/json',
          body: '{"projets":[{"code":"A1","nom":"x"}]}',
        },
      }),
    );
    expect(ok.records).toEqual([{ key: 'A1', sourceUrl: null, fields: { code: 'A1', nom: 'x' } }]);
    const broken = await crawlSource(
      fileConfig,
      serve({ 'https://data.example/p.json': { contentType: 'application/json', body: '{"projets": [' } }),
    );
    expect(broken.complete).toBe(false);
    expect(broken.errors[0]?.reason).toMatch(/^file: https:\/\/data.example\/p.json is not JSON/);
  });
});

describe('crawlSource: json with a next field', () => {
  it('follows links.next until it is empty, and hashes records for storage', async () => {
    const page = (n: number, next: string | null) => ({
      contentType: 'application/json',
      body: JSON.stringify({ results: [{ id: `p${n}`, title: `Projet ${n}` }], links: { next } }),
    });
    const result = await crawlSource(
      config({
        kind: 'json',
        schemaVersion: 1,
        startUrls: ['https://api.example/p'],
        items: 'results',
        key: 'id',
        fields: { id: {}, title: {} },
        pagination: { type: 'next-field', path: 'links.next' },
      }),
      serve({
        'https://api.example/p': page(1, '/p?cursor=2'),
        'https://api.example/p?cursor=2': page(2, null),
      }),
    );
    expect(result.records.map((r) => r.key)).toEqual(['p1', 'p2']);
    expect(result.complete).toBe(true);
    const [first] = toIncomingRecords(result.records);
    expect(first).toMatchObject({ key: 'p1', fields: { id: 'p1', title: 'Projet 1' } });
    expect(first?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('crawlSource: a broken XPath', () => {
  it('stops with the expression named', async () => {
    const broken = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://site.example/'],
      items: { xpath: '//div[@class="x"' },
      detailLink: 'a',
      fields: { titre: { selector: 'h2' } },
    });
    await expect(
      crawlSource(
        broken,
        serve({ 'https://site.example/': { contentType: 'text/html', body: '<div></div>' } }),
      ),
    ).rejects.toThrow('xpath: //div[@class="x" cannot be used');
  });
});
