import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDatabase } from '../../../../test/support/demo-database.ts';
import { DEMO_PARTNER } from '../demo/load-demo.ts';
import type { Database } from '../platform/db/database.ts';
import { parseSearchParams } from '../search/parse-search-params.ts';
import { searchProjects } from '../search/search-projects.ts';
import { FEED_ENTRIES, searchFeed } from './search-feed.ts';

const PUBLIC_URL = 'https://carrefour.test';
const parse = (xml: string) => new JSDOM(xml, { contentType: 'application/xml' }).window.document;

describe('Atom feed of a search', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase();
  });
  afterAll(() => db.close());

  it('lists the newest projects of the search, each linked to its page and crediting the partner', async () => {
    const params = parseSearchParams(new URLSearchParams('q=solidaire&region=11'));
    const doc = parse(await searchFeed(db, params, { publicUrl: PUBLIC_URL }));
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('feed');
    const entries = [...doc.getElementsByTagName('entry')];
    const list = await searchProjects(db, { ...params, sort: 'newest', perPage: 100 });
    expect(entries.length).toBe(Math.min(list.total, FEED_ENTRIES));
    expect(entries.length).toBeGreaterThan(0);
    // The same projects as the list sorted by newest, in that order.
    const links = entries.map((e) => e.getElementsByTagName('link')[0]?.getAttribute('href'));
    expect(links).toEqual(list.items.slice(0, FEED_ENTRIES).map((card) => `${PUBLIC_URL}${card.path}`));
    const first = entries[0];
    expect(first?.getElementsByTagName('title')[0]?.textContent).toBe(list.items[0]?.name);
    expect(first?.getElementsByTagName('summary')[0]?.textContent).toContain(
      `Recensé par ${DEMO_PARTNER.name}`,
    );
    expect(first?.getElementsByTagName('author')[0]?.textContent).toContain(DEMO_PARTNER.name);
    const updated = first?.getElementsByTagName('updated')[0]?.textContent ?? '';
    expect(new Date(updated).toISOString()).toBe(updated);
    expect(doc.querySelector('feed > link[rel=self]')?.getAttribute('href')).toBe(
      `${PUBLIC_URL}/recherche/flux.atom?q=solidaire&region=11`,
    );
  });

  it('stops at 50 entries, newest first by first seen', async () => {
    const doc = parse(
      await searchFeed(db, parseSearchParams(new URLSearchParams('')), { publicUrl: PUBLIC_URL }),
    );
    const published = [...doc.getElementsByTagName('entry')].map(
      (e) => e.getElementsByTagName('published')[0]?.textContent ?? '',
    );
    expect(published).toHaveLength(FEED_ENTRIES);
    expect([...published].sort().reverse()).toEqual(published);
  });

  it('is a valid empty feed when nothing matches', async () => {
    const doc = parse(
      await searchFeed(db, parseSearchParams(new URLSearchParams('q=zzzzqqqq')), { publicUrl: PUBLIC_URL }),
    );
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('entry')).toHaveLength(0);
    expect(doc.getElementsByTagName('updated')).toHaveLength(1);
  });
});
