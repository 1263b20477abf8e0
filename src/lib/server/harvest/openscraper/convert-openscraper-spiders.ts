import { InvalidParameterError } from '../../errors.ts';
import type { HtmlField, HtmlSourceConfig } from '../config/source-config.schema.ts';
import { formatPath, validateSourceConfig } from '../config/validate-source-config.ts';
import { type OpenScraperSpider, openScraperFileSchema } from './openscraper-spider.schema.ts';

/** One thing of a spider that the converted config does not do, by its OpenScraper name. */
export interface NotCarriedOver {
  name: string;
  reason: string;
}

export interface ConvertedSpider {
  spider: string;
  slug: string;
  config: HtmlSourceConfig;
  notCarriedOver: NotCarriedOver[];
  /** Carried over, but worth a look by whoever maintains the source. */
  warnings: string[];
}

export interface OpenScraperConversion {
  converted: ConvertedSpider[];
  /** Spiders left out entirely (test and demo spiders), with why. */
  skipped: { spider: string; reason: string }[];
}

/**
 * The CIS data model's field types (openscraper-datamodel-2018.json): lists stay lists, links
 * and images become absolute URLs, text made of several nodes is joined with spaces.
 */
const FIELD_TYPES: Record<string, 'text' | 'list' | 'url'> = {
  tags: 'list',
  'partenaires du projet': 'list',
  website: 'url',
  logo: 'url',
  video: 'url',
  'image du projet': 'url',
};

const TADATA_MIN_DELAY_MS = 1000;
const KNOWN_CONFIG_KEYS = new Set([
  'start_urls',
  'item_xpath',
  'item_list_xpath',
  'next_page',
  'page_needs_splash',
  'parse_follow',
  'follow_xpath',
]);

/**
 * Converts OpenScraper spiders (the format of its 2018 backups) into Tadata html source configs.
 * Spiders named "-DEBUG- …" are OpenScraper's test spiders and are skipped, like spiders without
 * a start URL. Everything else converts; what cannot be carried over is listed by name.
 */
export function convertOpenScraperSpiders(input: unknown): OpenScraperConversion {
  const parsed = openScraperFileSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InvalidParameterError(
      'file',
      `not an OpenScraper spider backup (${first ? `${formatPath(first.path)}: ${first.message}` : 'unreadable'})`,
    );
  }
  const spiders = Array.isArray(parsed.data) ? parsed.data : parsed.data.spiders;
  const result: OpenScraperConversion = { converted: [], skipped: [] };
  const slugs = new Set<string>();
  for (const spider of spiders) {
    if (/^\s*-?DEBUG-?/i.test(spider.name)) {
      result.skipped.push({ spider: spider.name, reason: 'an OpenScraper test spider (named "-DEBUG-")' });
      continue;
    }
    if (!spider.scraper_config.start_urls.some((u) => URL.canParse(u.trim()))) {
      result.skipped.push({ spider: spider.name, reason: 'no usable start URL' });
      continue;
    }
    let slug = slugify(spider.name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(spider.name)}-${n}`;
    slugs.add(slug);
    result.converted.push(convertSpider(spider, slug));
  }
  return result;
}

function convertSpider(spider: OpenScraperSpider, slug: string): ConvertedSpider {
  const notCarriedOver: NotCarriedOver[] = [];
  const warnings: string[] = [];
  const sc = spider.scraper_config;

  const startUrls: string[] = [];
  for (const raw of sc.start_urls) {
    const url = raw.trim();
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
      notCarriedOver.push({ name: `start_urls: ${raw}`, reason: 'not an http(s) URL' });
    } else if (!startUrls.includes(url)) startUrls.push(url);
  }

  let itemXPath = sc.item_xpath.trim();
  let nextXPath = sc.next_page.trim();
  if (!itemXPath && nextXPath && !/@href\s*$|\/a\s*$/.test(nextXPath)) {
    // A slip seen in the 2018 file: the item XPath typed into next_page (it points at list items).
    warnings.push(
      `next_page "${nextXPath}" selects list items, not a link: used as the item XPath (item_xpath was empty)`,
    );
    itemXPath = nextXPath;
    nextXPath = '';
  }
  if (!itemXPath) {
    warnings.push('item_xpath is empty: each start page is read as one item, keyed by its URL');
  }
  if (sc.item_list_xpath.trim()) {
    notCarriedOver.push({
      name: 'item_list_xpath',
      reason: 'Tadata selects items with one selector (item_xpath)',
    });
  }
  const follow = sc.parse_follow && sc.follow_xpath.trim() !== '';
  if (sc.parse_follow && !follow) {
    notCarriedOver.push({ name: 'parse_follow', reason: 'follow_xpath is empty: no detail page to follow' });
  }
  if (!sc.parse_follow && sc.follow_xpath.trim()) {
    notCarriedOver.push({
      name: 'follow_xpath',
      reason: 'parse_follow is off: OpenScraper did not follow it either',
    });
  }
  for (const key of Object.keys(sc)) {
    if (!KNOWN_CONFIG_KEYS.has(key))
      notCarriedOver.push({ name: `scraper_config.${key}`, reason: 'unknown setting' });
  }

  const fields: Record<string, HtmlField> = {};
  for (const [name, rawXPath] of Object.entries(spider.field_xpaths)) {
    const xpath = rawXPath.trim();
    if (!xpath) {
      notCarriedOver.push({ name: `field "${name}"`, reason: 'its XPath is empty' });
      continue;
    }
    const relative = xpath.startsWith('.');
    const type = FIELD_TYPES[name] ?? 'text';
    // OpenScraper read each field in the item, then (following) the detail page: same order here.
    const from = follow ? (relative ? 'item-or-detail' : 'detail') : 'item';
    if (!follow && !relative && itemXPath) {
      warnings.push(`field "${name}": absolute XPath, reads the whole listing page rather than the item`);
    }
    fields[name] = {
      selector: { xpath },
      value: 'text',
      from,
      multiple: type === 'list',
      resolveUrl: type === 'url',
      ...(type === 'text' ? { join: ' ' } : {}),
    };
  }

  let key: string | undefined;
  if (!follow && itemXPath) {
    key = 'titre du projet' in fields ? 'titre du projet' : Object.keys(fields)[0];
    warnings.push(
      `no detail page: items are keyed by the field "${key}" (a project renamed on the site gets a new key)`,
    );
  }

  const settings = spider.scraper_settings;
  const delaySeconds = typeof settings.download_delay === 'number' ? settings.download_delay : 0;
  const minDelayMs = Math.max(TADATA_MIN_DELAY_MS, Math.round(delaySeconds * 1000));
  if (delaySeconds * 1000 < TADATA_MIN_DELAY_MS) {
    notCarriedOver.push({
      name: 'download_delay',
      reason: `${delaySeconds} s is below Tadata's polite minimum: ${TADATA_MIN_DELAY_MS / 1000} s between requests`,
    });
  }
  for (const [name, value] of Object.entries(settings)) {
    if (name === 'download_delay') continue;
    const reason =
      name === 'LIMIT'
        ? `an item cap for OpenScraper test runs (${String(value)}); use \`tadata harvest --limit\` to test`
        : name === 'page_count'
          ? `Tadata bounds pagination with maxPages (default 50) instead (was ${String(value)})`
          : `no Tadata equivalent (was ${JSON.stringify(value)})`;
    notCarriedOver.push({ name, reason });
  }
  if (sc.page_needs_splash) warnings.push('page_needs_splash: pages are rendered in Chromium');

  const spiderNotes = spider.notes?.trim() ?? '';
  const draft = {
    kind: 'html',
    schemaVersion: 1,
    name: spider.name,
    notes: [
      `Converted from the OpenScraper spider "${spider.name}" (2018).`,
      spider.page_url ? `Site: ${spider.page_url}.` : '',
      // "...." is a placeholder in the 2018 file, not a note.
      spiderNotes.replace(/\.+/g, '') ? `OpenScraper notes: ${spiderNotes}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    startUrls,
    render: sc.page_needs_splash ? 'chromium' : 'static',
    ...(itemXPath ? { items: { xpath: itemXPath } } : {}),
    ...(follow ? { detailLink: { xpath: sc.follow_xpath.trim() } } : {}),
    ...(nextXPath ? { pagination: { type: 'next-link', selector: { xpath: nextXPath } } } : {}),
    fields,
    ...(key ? { key } : {}),
    politeness: { minDelayMs },
  };
  const checked = validateSourceConfig(draft);
  if (!checked.ok || checked.config.kind !== 'html') {
    // The converter's own bug, not the spider's: say precisely what went wrong.
    const problems = checked.ok
      ? 'not an html config'
      : checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`the converted config of "${spider.name}" is invalid: ${problems}`);
  }
  return { spider: spider.name, slug, config: checked.config, notCarriedOver, warnings };
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'source'
  );
}
