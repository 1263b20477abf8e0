import { z } from 'zod';
import { cssSelectorProblem } from './check-css-selector.ts';

/**
 * The harvest config of a source, as partners and coordinators write it (JSON). Version 1.
 * One schema gives the TypeScript type, the validation and the published JSON Schema
 * (docs/source-config.schema.json); docs/source-configs.md is the guide with an example per kind.
 */
export const SOURCE_CONFIG_SCHEMA_VERSION = 1;

const isRegex = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an absolute http:// or https:// URL',
  })
  .describe('An absolute http(s) URL.');

const regex = z
  .string()
  .min(1)
  .refine(isRegex, { message: 'is not a valid regular expression' })
  .describe('A JavaScript regular expression (Unicode mode), without the surrounding slashes.');

const cssSelector = z
  .string()
  .min(1)
  .superRefine((selector, ctx) => {
    const problem = cssSelectorProblem(selector);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A CSS selector.');

/** A plain string is a CSS selector; `{ "xpath": "…" }` is an XPath 1.0 expression. */
export const selectorSchema = z
  .union([
    cssSelector,
    z.object({ css: cssSelector }).strict(),
    z.object({ xpath: z.string().min(1).describe('An XPath 1.0 expression.') }).strict(),
  ])
  .describe('A CSS selector (a plain string or { "css": … }) or { "xpath": … } (XPath 1.0).');
export type Selector = z.infer<typeof selectorSchema>;

/** What every kind of field can do to the values it found, in this order: regex, join, URL. */
const valueTransforms = {
  regex: regex
    .optional()
    .describe(
      'Keep only what this regular expression matches: its first capture group, else the whole match.',
    ),
  multiple: z.boolean().default(false).describe('Keep every value found (a list) instead of the first one.'),
  join: z.string().optional().describe('Join several values into one text with this separator.'),
  resolveUrl: z
    .boolean()
    .default(false)
    .describe('Turn a relative link into an absolute URL, against the page it was found on.'),
  constant: z.string().optional().describe('A fixed value: the field is not looked up in the page.'),
};

export const htmlFieldSchema = z
  .object({
    selector: selectorSchema
      .optional()
      .describe('Where the value is, inside the item (or the detail page). Absent: the item itself.'),
    value: z
      .enum(['text', 'attribute', 'html'])
      .default('text')
      .describe(
        'text: the visible text, spaces collapsed; attribute: one attribute (see `attribute`); html: the inner HTML, sanitised (no scripts, event handlers or javascript: links).',
      ),
    attribute: z.string().min(1).optional().describe('The attribute to read when `value` is "attribute".'),
    from: z
      .enum(['item', 'detail', 'item-or-detail'])
      .default('item')
      .describe(
        'item: the item on the listing page; detail: the item’s detail page; item-or-detail: the item, else the detail page.',
      ),
    ...valueTransforms,
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.value === 'attribute' && !field.attribute) {
      ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'name the attribute to read' });
    }
    if (field.value !== 'attribute' && field.attribute) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'set "value": "attribute" to read an attribute',
      });
    }
  })
  .describe('A field read from an HTML page.');
export type HtmlField = z.infer<typeof htmlFieldSchema>;

export const jsonFieldSchema = z
  .object({
    path: z
      .string()
      .optional()
      .describe('A path inside the item, e.g. "title", "address.city", "tags[*].label", "images[0].url".'),
    ...valueTransforms,
  })
  .strict()
  .describe('A field read from a JSON item (or a feed entry, or a file row).');
export type JsonField = z.infer<typeof jsonFieldSchema>;

const fieldName = z.string().min(1).max(200);

const politenessSchema = z
  .object({
    minDelayMs: z
      .number()
      .int()
      .min(0)
      .max(600_000)
      .default(1000)
      .describe('Minimum delay between two requests to the site; never below its robots.txt Crawl-delay.'),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(1)
      .describe('Requests in flight at once on the site.'),
    timeoutMs: z.number().int().min(1000).max(300_000).default(30_000).describe('Time limit per request.'),
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(200 * 1024 * 1024)
      .default(10 * 1024 * 1024)
      .describe('Largest response accepted.'),
  })
  .strict()
  .describe('How gently to fetch the site.');

const common = {
  $schema: z.string().optional().describe('The JSON Schema this document follows (editors use it).'),
  schemaVersion: z.literal(SOURCE_CONFIG_SCHEMA_VERSION).describe('The version of this config format.'),
  name: z.string().min(1).max(200).optional().describe('A human name for the source.'),
  notes: z.string().optional().describe('Free notes for the people who maintain the config.'),
  frequency: z
    .enum(['manual', 'hourly', 'daily', 'weekly', 'monthly'])
    .default('weekly')
    .describe('How often the scheduler harvests the source.'),
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(50)
    .describe('The most listing pages (or feed, sitemap, API pages) fetched in one run.'),
  maxItems: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('The most items kept in one run; a run cut by it is partial.'),
  politeness: politenessSchema.default({
    minDelayMs: 1000,
    concurrency: 1,
    timeoutMs: 30_000,
    maxBodyBytes: 10 * 1024 * 1024,
  }),
};

const startUrls = z.array(httpUrl).min(1).describe('The first pages to fetch, in order.');

const urlTemplatePagination = z
  .object({
    type: z.literal('url-template'),
    template: z
      .string()
      .refine((t) => t.includes('{page}') || t.includes('{offset}'), {
        message: 'must contain {page} or {offset}',
      })
      .describe('The URL of every page, with {page} (1, 2, 3…) or {offset} (0, step, 2×step…).'),
    start: z.number().int().min(0).default(1).describe('The first page number (for {page}).'),
    step: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Items per page (for {offset}, e.g. limitstart=0,5,10).'),
  })
  .strict()
  .describe('Pages at computed URLs, fetched until one has no items (or maxPages).');

const htmlPagination = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('next-link'),
        selector: selectorSchema.describe(
          'The "next page" link (its href), e.g. "li.pager-next a", "a[rel=next]".',
        ),
      })
      .strict()
      .describe('Follow the "next page" link of each listing page.'),
    urlTemplatePagination,
    z
      .object({
        type: z.literal('load-more'),
        selector: cssSelector.describe('The CSS selector of the "load more" button.'),
        maxClicks: z.number().int().min(1).max(500).default(20).describe('The most clicks (or scrolls).'),
        infiniteScroll: z.boolean().default(false).describe('Scroll to the bottom instead of clicking.'),
      })
      .strict()
      .describe('A JS-rendered listing that grows when a button is clicked (needs "render": "chromium").'),
  ])
  .describe('How to reach the next listing pages.');

export const htmlSourceSchema = z
  .object({
    kind: z.literal('html'),
    ...common,
    startUrls,
    render: z
      .enum(['static', 'chromium'])
      .default('static')
      .describe('chromium: run the page’s JavaScript in a browser before reading it.'),
    items: selectorSchema
      .optional()
      .describe('Each element it matches on a listing page is one item. Absent: each page is one item.'),
    detailLink: selectorSchema
      .optional()
      .describe(
        'Inside an item, the link to its detail page (its href). Needed for fields "from": "detail".',
      ),
    pagination: htmlPagination.optional(),
    fields: z.record(fieldName, htmlFieldSchema).describe('The fields of each item, by name.'),
    key: fieldName
      .optional()
      .describe('The field whose value identifies an item across runs. Default: the detail page URL.'),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.pagination?.type === 'load-more' && config.render !== 'chromium') {
      ctx.addIssue({
        code: 'custom',
        path: ['render'],
        message: 'a "load-more" pagination needs "render": "chromium"',
      });
    }
    const needsDetail = Object.entries(config.fields).filter(([, f]) => f.from !== 'item');
    for (const [name] of needsDetail) {
      if (!config.detailLink && config.items) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', name, 'from'],
          message: 'reads the detail page, but the config has no "detailLink"',
        });
      }
    }
    if (config.key && !(config.key in config.fields)) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: `names no field (fields: ${fieldList(config)})`,
      });
    }
    if (!config.key && !config.detailLink && config.items) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'without a "detailLink", name the field that identifies an item',
      });
    }
  })
  .describe('Listing pages of a website: items, an optional detail page per item, pagination.');

export const jsonSourceSchema = z
  .object({
    kind: z.literal('json'),
    ...common,
    startUrls,
    items: z
      .string()
      .describe('The path to the list of items in each response, e.g. "data.items" ("" = the root).'),
    fields: z.record(fieldName, jsonFieldSchema).describe('The fields of each item, by name.'),
    key: fieldName.describe('The field whose value identifies an item across runs (e.g. its id).'),
    sourceUrl: fieldName
      .optional()
      .describe('The field holding the item’s public page on the partner’s site.'),
    pagination: z
      .discriminatedUnion('type', [
        z
          .object({
            type: z.literal('next-field'),
            path: z.string().min(1).describe('The path to the next page’s URL, e.g. "links.next".'),
          })
          .strict(),
        z
          .object({
            type: z.literal('page-count'),
            path: z.string().min(1).describe('The path to the number of pages, e.g. "meta.pages".'),
            template: z
              .string()
              .refine((t) => t.includes('{page}'), { message: 'must contain {page}' })
              .describe('The URL of page {page}; page 1 is the first start URL.'),
          })
          .strict(),
        urlTemplatePagination,
      ])
      .optional()
      .describe('How to reach the next pages of the API.'),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!(config.key in config.fields)) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: `names no field (fields: ${fieldList(config)})`,
      });
    }
    if (config.sourceUrl && !(config.sourceUrl in config.fields)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceUrl'],
        message: `names no field (fields: ${fieldList(config)})`,
      });
    }
  })
  .describe('A JSON API: the path to the items, a path per field, the next page.');

export const feedSourceSchema = z
  .object({
    kind: z.literal('feed'),
    ...common,
    startUrls,
    fields: z
      .record(fieldName, jsonFieldSchema)
      .optional()
      .describe(
        'Fields read from each entry (paths: id, title, link, summary, content, published, updated, author, categories). Default: all of them.',
      ),
    detailFields: z
      .record(fieldName, htmlFieldSchema)
      .optional()
      .describe('Fields read from the page each entry links to (an HTML page).'),
  })
  .strict()
  .describe('An RSS or Atom feed: one item per entry, keyed by its id (else its link).');

export const sitemapSourceSchema = z
  .object({
    kind: z.literal('sitemap'),
    ...common,
    startUrls,
    urlPattern: regex.describe('Sitemap URLs matching it are project pages, e.g. "/projets/[^/]+$".'),
    fields: z.record(fieldName, htmlFieldSchema).describe('Fields read from each project page.'),
  })
  .strict()
  .describe('A sitemap (or sitemap index): matching URLs are detail pages, keyed by URL.');

export const fileSourceSchema = z
  .object({
    kind: z.literal('file'),
    ...common,
    url: httpUrl.describe('Where the file is published.'),
    format: z.enum(['csv', 'xlsx', 'json']),
    separator: z.string().length(1).optional().describe('CSV separator (default: detected).'),
    sheet: z.string().optional().describe('XLSX sheet name (default: the first).'),
    items: z.string().optional().describe('JSON: the path to the list of rows (default: the root).'),
    fields: z
      .record(fieldName, jsonFieldSchema)
      .optional()
      .describe('Fields by name; a path is a column name. Default: every column as it is.'),
    key: fieldName.describe('The column (or field) that identifies a row across runs.'),
  })
  .strict()
  .describe('A CSV, XLSX or JSON file published at a URL.');

export const sourceConfigSchema = z
  .discriminatedUnion('kind', [
    htmlSourceSchema,
    jsonSourceSchema,
    feedSourceSchema,
    sitemapSourceSchema,
    fileSourceSchema,
  ])
  .describe('Tadata source config: how to harvest one partner source.');

export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type SourceConfigInput = z.input<typeof sourceConfigSchema>;
export type HtmlSourceConfig = z.infer<typeof htmlSourceSchema>;
export type JsonSourceConfig = z.infer<typeof jsonSourceSchema>;
export type FeedSourceConfig = z.infer<typeof feedSourceSchema>;
export type SitemapSourceConfig = z.infer<typeof sitemapSourceSchema>;
export type FileSourceConfig = z.infer<typeof fileSourceSchema>;
export type SourceKind = SourceConfig['kind'];

function fieldList(config: { fields: Record<string, unknown> }): string {
  return Object.keys(config.fields).join(', ') || 'none';
}
