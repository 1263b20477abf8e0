import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_PROJECTS } from '../../../../test/sites/feeds-site.ts';
import { JOOMLA_PROJECTS } from '../../../../test/sites/joomla-site.ts';
import { JS_PROJECTS } from '../../../../test/sites/js-site.ts';
import { API_PROJECTS } from '../../../../test/sites/json-api-site.ts';
import { MESSY_PROJECTS } from '../../../../test/sites/messy-site.ts';
import { ROBOTS_FORBIDDEN_PREFIX, ROBOTS_PROJECTS } from '../../../../test/sites/robots-site.ts';
import { startTestSites, type TestSites } from '../../../../test/sites/start-test-sites.ts';
import { WORDPRESS_PROJECTS } from '../../../../test/sites/wordpress-site.ts';
import {
  drupalConfig,
  saveTestSource,
  sourceConfig,
  TEST_FETCHER,
  TEST_HARVEST,
} from '../../../../test/support/harvest-runs.ts';
import { openTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.ts';
import type { Database } from '../platform/db/database.ts';
import { runHarvest } from './run-harvest.ts';

/**
 * Every synthetic partner site harvested end to end by a config written as data: polite fetcher,
 * crawl engine, raw records in the database. One test per site.
 */
const options = { harvest: TEST_HARVEST, fetcher: TEST_FETCHER };
const noDelay = { minDelayMs: 0, concurrency: 1, timeoutMs: 5000, maxBodyBytes: 1_048_576 };

describe(`harvesting the synthetic partner sites (${testDatabaseKind()})`, () => {
  let db: Database;
  let sites: TestSites;

  async function stored(slug: string) {
    return db.query<{ key: string; fields: Record<string, unknown>; gone: boolean }>(
      `SELECT r.stable_key AS key, r.fields, r.gone_at IS NOT NULL AS gone FROM raw_record r
       JOIN source s ON s.id = r.source_id WHERE s.slug = $1 ORDER BY r.id`,
      [slug],
    );
  }

  async function harvest(slug: string, config: unknown) {
    await saveTestSource(db, slug, sourceConfig(config));
    return runHarvest(db, slug, options);
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    sites = await startTestSites();
  });
  afterAll(async () => {
    await sites?.stop();
    await db?.close();
  });

  it('Drupal: listing with li.pager-next, fields from the detail pages', async () => {
    await saveTestSource(db, 'drupal', drupalConfig(sites.origin));
    const run = await runHarvest(db, 'drupal', options);
    expect(run).toMatchObject({ status: 'succeeded', records: { found: 24, new: 24 } });
    const records = await stored('drupal');
    expect(records[0]?.key).toBe(`${sites.origin}/drupal/projet/${records[0]?.key.split('/').pop()}`);
    expect(run.fields.carrier?.fillRate).toBe(1);
  });

  it('Joomla: directory paged by limitstart, with detail pages', async () => {
    const run = await harvest('joomla', {
      kind: 'html',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/joomla/index.php?option=com_sobi2&Itemid=95&limit=5&limitstart=0`],
      items: 'table.sobi2Listing tr',
      detailLink: 'span.sobi2ItemTitle a',
      // The "Suivante" link leads to limitstart=5, 10, 15.
      pagination: { type: 'next-link', selector: 'a[title=Suivante]' },
      fields: {
        name: { selector: 'h1.sobi2Details_title', from: 'detail' },
        carrier: { selector: 'td.sobi2Details_field_structure', from: 'detail' },
        postcode: { selector: 'td.sobi2Details_field_postcode', from: 'detail' },
      },
      politeness: noDelay,
    });
    expect(run.errors).toEqual([]);
    expect(run.incompleteBecause).toEqual([]);
    expect(run.records.found).toBe(JOOMLA_PROJECTS.length);
    expect(run.status).toBe('succeeded');
    const records = await stored('joomla');
    expect(records.map((r) => r.fields.name)).toEqual(JOOMLA_PROJECTS.map((p) => p.name));
    expect(records[0]?.fields.carrier).toBe(JOOMLA_PROJECTS[0]?.carrier);
  });

  it('Joomla: the same directory paged by an offset template, the 404 past the end ending the list', async () => {
    const base = `${sites.origin}/joomla/index.php?option=com_sobi2&Itemid=95&limit=5`;
    const run = await harvest('joomla-offset', {
      kind: 'html',
      schemaVersion: 1,
      startUrls: [`${base}&limitstart=0`],
      items: 'table.sobi2Listing tr',
      detailLink: 'span.sobi2ItemTitle a',
      pagination: { type: 'url-template', template: `${base}&limitstart={offset}`, step: 5 },
      fields: { name: { selector: 'h1.sobi2Details_title', from: 'detail' } },
      politeness: noDelay,
    });
    expect(run.errors).toEqual([]);
    expect(run.incompleteBecause).toEqual([]);
    expect(run.status).toBe('succeeded');
    expect(run.records.found).toBe(JOOMLA_PROJECTS.length);
  });

  it('WordPress: archive pages linked by rel=next', async () => {
    const run = await harvest('wordpress', {
      kind: 'html',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/wordpress/initiatives/`],
      items: 'article.post',
      detailLink: 'h2.entry-title a',
      pagination: { type: 'next-link', selector: 'link[rel=next]' },
      fields: {
        name: { selector: 'h2.entry-title a' },
        carrier: { selector: 'span.porteur', from: 'detail' },
        tags: { selector: 'a.tag', from: 'detail', multiple: true },
      },
      politeness: noDelay,
    });
    expect(run).toMatchObject({ status: 'succeeded', records: { found: WORDPRESS_PROJECTS.length } });
    const records = await stored('wordpress');
    expect(records.map((r) => r.fields.name)).toEqual(WORDPRESS_PROJECTS.map((p) => p.name));
    expect(records[0]?.fields.tags).toEqual(WORDPRESS_PROJECTS[0]?.tags);
  });

  it('JSON API: items under "results", pages by number', async () => {
    const run = await harvest('api', {
      kind: 'json',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/api/projets?page=1`],
      items: 'results',
      key: 'id',
      sourceUrl: 'url',
      fields: {
        id: { path: 'id' },
        name: { path: 'nom' },
        city: { path: 'localisation.ville' },
        url: { path: 'url' },
      },
      pagination: {
        type: 'page-count',
        path: 'total_pages',
        template: `${sites.origin}/api/projets?page={page}`,
      },
      politeness: noDelay,
    });
    expect(run).toMatchObject({ status: 'succeeded', records: { found: API_PROJECTS.length } });
    const records = await stored('api');
    expect(records.map((r) => r.key)).toEqual(API_PROJECTS.map((p) => `api-${p.id}`));
    expect(records[3]?.fields.city).toBe(API_PROJECTS[3]?.city);
  });

  it('RSS feed: one record per entry, keyed by its guid', async () => {
    const run = await harvest('rss', {
      kind: 'feed',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/feeds/rss.xml`],
      politeness: noDelay,
    });
    expect(run).toMatchObject({ status: 'succeeded', records: { found: FEED_PROJECTS.length } });
    const records = await stored('rss');
    expect(records.map((r) => r.fields.title).sort()).toEqual(FEED_PROJECTS.map((p) => p.name).sort());
  });

  it.skipIf(!existsSync(TEST_HARVEST.chromiumPath))(
    'JS-rendered listing: "Charger plus" clicked in Chromium until the list ends',
    async () => {
      const run = await harvest('js', {
        kind: 'html',
        schemaVersion: 1,
        render: 'chromium',
        startUrls: [`${sites.origin}/js/projets`],
        items: 'article.projet',
        detailLink: 'h3 a',
        pagination: { type: 'load-more', selector: '#charger-plus', maxClicks: 10 },
        fields: { name: { selector: 'h3 a' }, carrier: { selector: 'p.porteur' } },
        politeness: noDelay,
      });
      expect(run.errors).toEqual([]);
      expect(run).toMatchObject({ status: 'succeeded', records: { found: JS_PROJECTS.length } });
      const records = await stored('js');
      expect(records.map((r) => r.fields.name)).toEqual(JS_PROJECTS.map((p) => p.name));
    },
    60_000,
  );

  it('robots.txt: a forbidden path is never requested, and the run is partial', async () => {
    sites.clearRequests();
    const run = await harvest('robots', {
      kind: 'html',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/robots/projets`],
      items: 'li.projet',
      detailLink: 'a',
      fields: { name: { selector: 'a' }, carrier: { selector: 'p.porteur', from: 'detail' } },
      politeness: noDelay,
    });
    expect(sites.requests(ROBOTS_FORBIDDEN_PREFIX)).toEqual([]);
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.errors.every((e) => e.url.includes(ROBOTS_FORBIDDEN_PREFIX))).toBe(true);
    expect(run.status).toBe('partial');
    // Items whose detail page may not be read are left out, not stored half-filled.
    expect(run.records.found).toBe(ROBOTS_PROJECTS.length - run.errors.length);
    const allowed = (await stored('robots')).filter((r) => r.fields.carrier);
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.every((r) => !r.key.includes(ROBOTS_FORBIDDEN_PREFIX))).toBe(true);
  });

  it('slow and failing pages: the run is partial and marks nothing gone', async () => {
    await saveTestSource(db, 'failing', drupalConfig(sites.origin));
    expect((await runHarvest(db, 'failing', options)).records.found).toBe(24);
    const run = await harvest('failing', {
      ...drupalConfig(sites.origin),
      startUrls: [
        `${sites.origin}/unstable/slow?ms=300`,
        `${sites.origin}/drupal/projets?page=1`,
        `${sites.origin}/unstable/always-500`,
      ],
    });
    expect(run.status).toBe('partial');
    expect(run.errors.map((e) => e.url)).toContain(`${sites.origin}/unstable/always-500`);
    expect(run.errors.find((e) => e.url.endsWith('always-500'))?.reason).toMatch(/500/);
    expect(run.records.gone).toBe(0);
    expect((await stored('failing')).filter((r) => r.gone)).toEqual([]);
  });

  it('messy HTML in Windows-1252: unclosed tags and entities decoded', async () => {
    const run = await harvest('messy', {
      kind: 'html',
      schemaVersion: 1,
      startUrls: [`${sites.origin}/messy/projets-sans-charset`],
      items: 'td.projet',
      detailLink: 'b.nom a',
      fields: {
        name: { selector: 'b.nom a' },
        carrier: { selector: 'font.porteur' },
        city: { selector: 'td.ville', from: 'detail' },
      },
      politeness: noDelay,
    });
    expect(run).toMatchObject({ status: 'succeeded', records: { found: MESSY_PROJECTS.length } });
    const records = await stored('messy');
    expect(records.map((r) => r.fields.name)).toEqual(MESSY_PROJECTS.map((p) => p.name));
    expect(records.map((r) => r.fields.city)).toEqual(MESSY_PROJECTS.map((p) => p.city));
  });
});
