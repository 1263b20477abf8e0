import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_CONFIG_JSON_SCHEMA_PATH, sourceConfigJsonSchema } from './source-config-json-schema.ts';
import { validateSourceConfig } from './validate-source-config.ts';

const minimalHtml = {
  kind: 'html',
  schemaVersion: 1,
  startUrls: ['https://partenaire.example/projets'],
  items: 'article.projet',
  detailLink: 'h2 a',
  fields: { titre: { selector: 'h2' } },
};

describe('validateSourceConfig', () => {
  it('accepts a minimal html config and fills in the defaults', () => {
    const result = validateSourceConfig(minimalHtml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      maxPages: 50,
      frequency: 'weekly',
      politeness: { minDelayMs: 1000 },
    });
  });

  it('returns every error with its JSON path and a plain message', () => {
    const result = validateSourceConfig({
      ...minimalHtml,
      startUrls: ['ftp://partenaire.example/'],
      maxPages: 0,
      fields: {
        'titre du projet': { selector: { xpath: '' }, value: 'attribute' },
        lien: { selector: 'a', regex: '(unclosed', colour: 'red' },
      },
      pagination: { type: 'load-more', selector: 'button.plus' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.startUrls[0]: must be an absolute http:// or https:// URL',
        '$.maxPages: must be at least 1',
        '$.fields["titre du projet"].attribute: name the attribute to read',
        '$.fields.lien.regex: is not a valid regular expression',
        '$.fields.lien: unknown property "colour" (a typo?)',
        '$.render: a "load-more" pagination needs "render": "chromium"',
      ]),
    );
  });

  it('names the accepted kinds when the kind is wrong or missing', () => {
    const result = validateSourceConfig({ schemaVersion: 1, kind: 'rss' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: '$.kind', message: '"kind" must be one of "html", "json", "feed", "sitemap", "file"' },
      ],
    });
  });

  it('checks that the key names a field', () => {
    const result = validateSourceConfig({
      kind: 'json',
      schemaVersion: 1,
      startUrls: ['https://api.example/projects'],
      items: 'data',
      fields: { id: { path: 'id' } },
      key: 'identifiant',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ path: '$.key', message: 'names no field (fields: id)' }]);
  });

  it('accepts one example of each kind', () => {
    const examples = [
      minimalHtml,
      {
        kind: 'json',
        schemaVersion: 1,
        startUrls: ['https://api.example/projects?page=1'],
        items: 'data.items',
        fields: { id: { path: 'id' }, tags: { path: 'tags[*].label', multiple: true } },
        key: 'id',
        pagination: {
          type: 'page-count',
          path: 'meta.pages',
          template: 'https://api.example/projects?page={page}',
        },
      },
      { kind: 'feed', schemaVersion: 1, startUrls: ['https://blog.example/feed'] },
      {
        kind: 'sitemap',
        schemaVersion: 1,
        startUrls: ['https://site.example/sitemap.xml'],
        urlPattern: '/projets/[^/]+$',
        fields: { titre: { selector: 'h1', from: 'detail' } },
      },
      { kind: 'file', schemaVersion: 1, url: 'https://site.example/projets.csv', format: 'csv', key: 'id' },
    ];
    for (const example of examples) expect(validateSourceConfig(example)).toMatchObject({ ok: true });
  });
});

describe('the published JSON Schema', () => {
  it(`is up to date in ${SOURCE_CONFIG_JSON_SCHEMA_PATH} (else run: npx tsx scripts/write-source-config-schema.ts)`, () => {
    // Compared as data: Biome may lay the file out differently from JSON.stringify.
    expect(JSON.parse(readFileSync(SOURCE_CONFIG_JSON_SCHEMA_PATH, 'utf8'))).toEqual(
      JSON.parse(sourceConfigJsonSchema()),
    );
  });
});

describe('selectors in configs', () => {
  it('refuses a CSS selector that cannot be parsed, naming its path', () => {
    const result = validateSourceConfig({
      ...minimalHtml,
      fields: { titre: { selector: 'a[rel=next' }, lien: { selector: { css: 'h2 >> a' } } },
    });
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: '$.fields.titre.selector',
        message: "is not a valid CSS selector (Attribute selector didn't terminate)",
      },
      {
        path: '$.fields.lien.selector.css',
        message: 'is not a valid CSS selector (Did not expect successive traversals.)',
      },
    ]);
  });
});
