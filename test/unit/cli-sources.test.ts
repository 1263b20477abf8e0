import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTadata } from '../support/run-tadata.ts';

/** The commands that need no database: validate and import-openscraper. */
describe('tadata sources validate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tadata-sources-'));

  it('explains every problem with its path and exits 1', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'html',
        schemaVersion: 1,
        startUrls: ['ftp://reseau.example/'],
        items: '.projet',
        fields: { titre: { selector: 'h2', valeur: 'text' }, lien: { selector: 'a', value: 'attribute' } },
      }),
    );
    const result = await runTadata(['sources', 'validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} is not a valid source config (4 problems):`);
    expect(result.stderr).toContain('$.startUrls[0]: must be an absolute http:// or https:// URL');
    expect(result.stderr).toContain('$.fields.titre: unknown property "valeur" (a typo?)');
    expect(result.stderr).toContain('$.fields.lien.attribute: name the attribute to read');
    expect(result.stderr).toContain('$.key: without a "detailLink", name the field that identifies an item');
  });

  it('says where a JSON syntax error is', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{\n  "kind": "html",,\n}');
    const result = await runTadata(['sources', 'validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not valid JSON at line 2, column \d+/);
  });

  it('accepts a valid config', async () => {
    const file = path.join(dir, 'ok.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'feed',
        schemaVersion: 1,
        name: 'Blog',
        startUrls: ['https://blog.example/feed/'],
      }),
    );
    const result = await runTadata(['sources', 'validate', file]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe(
      `${file} is a valid feed source config (Blog): at most 50 pages a run, weekly.\n`,
    );
  });
});

describe('tadata sources import-openscraper', () => {
  it('writes the 19 converted configs, each valid, and lists what was not carried over', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tadata-openscraper-'));
    const result = await runTadata([
      'sources',
      'import-openscraper',
      'test/fixtures/openscraper/openscraper-spiders-2018.json',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Converted 19 spiders into ${out}/`);
    expect(result.stdout).toContain('not carried over: LIMIT');
    expect(result.stdout).toContain('"-DEBUG- empty spider config": an OpenScraper test spider');
    const files = readdirSync(out);
    expect(files).toHaveLength(19);
    const check = await runTadata(['sources', 'validate', path.join(out, 'solidarum.json')]);
    expect(check.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'rtes.json'), 'utf8'))).toMatchObject({
      kind: 'html',
      startUrls: [
        'http://rtes.fr/Formation-RTES',
        expect.any(String),
        expect.any(String),
        expect.any(String),
      ],
    });
  });
});

describe('tadata sources validate with XPath', () => {
  it('explains an XPath that does not compile, with its path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tadata-sources-xpath-'));
    const file = path.join(dir, 'xpath.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'html',
        schemaVersion: 1,
        startUrls: ['https://site.example/'],
        items: { xpath: '//div[@class="projet"' },
        detailLink: { xpath: './/a/@href' },
        fields: { titre: { selector: { xpath: './/h2' } } },
      }),
    );
    const result = await runTadata(['sources', 'validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.items.xpath: is not a valid XPath 1.0 expression');
  });
});
