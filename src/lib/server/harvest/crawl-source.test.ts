import { describe, expect, it } from 'vitest';
import { fixtureFetcher } from '../../../../test/support/harvest-fixtures.ts';
import type { HtmlSourceConfig, SourceConfig, SourceConfigInput } from './config/source-config.schema.ts';
import { validateSourceConfig } from './config/validate-source-config.ts';
import { crawlSource } from './crawl-source.ts';

function config(input: SourceConfigInput): SourceConfig {
  const result = validateSourceConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

function htmlConfig(input: SourceConfigInput): HtmlSourceConfig {
  const parsed = config(input);
  if (parsed.kind !== 'html') throw new Error('expected an html config');
  return parsed;
}

const drupal = htmlConfig({
  kind: 'html',
  schemaVersion: 1,
  startUrls: ['https://drupal.example/projets'],
  items: '.view-content .views-row',
  detailLink: 'h3.node-title a',
  pagination: { type: 'next-link', selector: 'li.pager-next a' },
  fields: {
    title: { selector: 'h3.node-title' },
    summary: { selector: '.field-name-body' },
    tags: { selector: '.field-name-field-tags a.tag', multiple: true },
  },
});

describe('crawlSource: html', () => {
  it('walks a Drupal listing by its pager-next link, keyed by the detail URLs', async () => {
    const { fetchPage, calls } = fixtureFetcher();
    const result = await crawlSource(drupal, fetchPage);
    expect(calls.map((c) => c.url)).toEqual([
      'https://drupal.example/projets',
      'https://drupal.example/projets?page=1',
    ]);
    expect(result.complete).toBe(true);
    expect(result.pagesFetched).toBe(2);
    expect(result.records.map((r) => r.key)).toEqual([
      'https://drupal.example/projets/jardin-partage-des-lilas',
      'https://drupal.example/projets/repair-cafe-de-belleville',
      'https://drupal.example/projets/epicerie-solidaire-l-entraide',
      'https://drupal.example/projets/mobilite-rurale-23',
      'https://drupal.example/projets/tiers-lieu-la-forge',
    ]);
    expect(result.records[0]).toEqual({
      key: 'https://drupal.example/projets/jardin-partage-des-lilas',
      sourceUrl: 'https://drupal.example/projets/jardin-partage-des-lilas',
      fields: {
        title: 'Jardin partagé des Lilas',
        summary: 'Un jardin cultivé par les habitants du quartier.',
        tags: ['Alimentation', 'Lien social'],
      },
    });
    expect(result.diagnostics.fields.summary).toEqual({ items: 5, matched: 4, fillRate: 0.8 });
    expect(result.diagnostics.messages).toEqual(['the summary selector matched nothing on 1 of 5 items']);
  });

  it('follows a next-link selector that points at the container of the link (li.pager-next)', async () => {
    const result = await crawlSource(
      { ...drupal, pagination: { type: 'next-link', selector: 'li.pager-next' } },
      fixtureFetcher().fetchPage,
    );
    expect(result.records).toHaveLength(5);
  });

  it('shows the collapse when the site is redesigned (same projects, new markup)', async () => {
    const { fetchPage } = fixtureFetcher({
      'https://drupal.example/projets': 'drupal-redesign/page-0.html',
      'https://drupal.example/projets?page=1': 'drupal-redesign/page-1.html',
    });
    const result = await crawlSource(drupal, fetchPage);
    expect(result.records).toEqual([]);
    expect(result.diagnostics.itemsFound).toBe(0);
    expect(result.diagnostics.messages).toContain(
      'the item selector matched nothing on https://drupal.example/projets',
    );

    // A config that still finds the items but whose field selectors are stale:
    const stale = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://drupal.example/projets'],
      items: 'article.card, .views-row',
      detailLink: 'a',
      pagination: { type: 'next-link', selector: 'li.pager-next a, nav.pagination a.next' },
      fields: { title: { selector: 'h3.node-title' }, summary: { selector: '.field-name-body' } },
    });
    const after = await crawlSource(stale, fetchPage);
    expect(after.records).toHaveLength(5);
    expect(after.diagnostics.fields.title).toEqual({ items: 5, matched: 0, fillRate: 0 });
    expect(after.diagnostics.messages).toContain(
      'the title selector matched nothing on 5 of 5 items: the site may have changed',
    );
  });

  it('pages a Joomla directory by limitstart and reads each detail page', async () => {
    const { fetchPage, calls } = fixtureFetcher();
    const joomla = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://joomla.example/index.php?option=com_sobi2&Itemid=5&limitstart=0'],
      items: 'table.sobi2Listing tr',
      detailLink: '.sobi2ItemTitle a',
      pagination: {
        type: 'url-template',
        template: 'https://joomla.example/index.php?option=com_sobi2&Itemid=5&limitstart={offset}',
        step: 3,
      },
      fields: {
        name: { selector: '.sobi2ItemTitle' },
        city: { selector: '.sobi2Details_field_city', from: 'detail', regex: 'Ville :\\s*(.+)' },
        website: {
          selector: '.sobi2Details_field_website a',
          value: 'attribute',
          attribute: 'href',
          from: 'detail',
        },
        email: { selector: '.sobi2Details_field_contact', from: 'detail', regex: '[\\w.+-]+@[\\w.-]+' },
        partner: { constant: 'Apriles (synthétique)' },
      },
    });
    const result = await crawlSource(joomla, fetchPage);
    expect(result.complete).toBe(true);
    expect(result.records.map((r) => r.fields.name)).toEqual([
      'Les Ateliers du Bocage',
      'Coopérative Oxalis',
      'Café des enfants',
      'Solidarité Paysans 31',
    ]);
    expect(result.records[1]?.fields).toEqual({
      name: 'Coopérative Oxalis',
      city: 'Chambéry (73)',
      website: 'https://oxalis.example',
      email: 'contact@projet-12.example',
      partner: 'Apriles (synthétique)',
    });
    expect(result.records[0]?.key).toBe(
      'https://joomla.example/index.php?option=com_sobi2&sobi2Task=sobi2Details&sobi2Id=11&Itemid=5',
    );
    // listing 0, its 3 details, listing 3, its detail, listing 6 (empty: the end)
    expect(calls.map((c) => c.options?.purpose)).toEqual([
      'listing',
      'detail',
      'detail',
      'detail',
      'listing',
      'detail',
      'listing',
    ]);
    expect(result.diagnostics.fields.website).toEqual({ items: 4, matched: 3, fillRate: 0.75 });
  });

  it('reads a WordPress archive through rel=next with XPath (jsdom)', async () => {
    const { fetchPage } = fixtureFetcher();
    const wordpress = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://wp.example/projets/'],
      items: { xpath: '//article[contains(@class, "post")]' },
      detailLink: { xpath: './/h2[@class="entry-title"]/a/@href' },
      pagination: { type: 'next-link', selector: { xpath: '//a[@rel="next"]/@href' } },
      fields: {
        title: { selector: { xpath: './/h2/a/text()' } },
        date: { selector: { xpath: 'string(.//time/@datetime)' }, regex: '^(\\d{4}-\\d{2}-\\d{2})' },
        summary: { selector: 'div.entry-summary p', value: 'html' },
      },
    });
    const result = await crawlSource(wordpress, fetchPage);
    expect(result.complete).toBe(true);
    expect(result.records.map((r) => [r.key, r.fields.title, r.fields.date])).toEqual([
      ['https://wp.example/boutique-sans-argent/', 'Boutique sans argent', '2017-03-02'],
      ['https://wp.example/le-champ-des-possibles/', 'Le Champ des Possibles', '2017-02-14'],
      // keys are normalised URLs: non-ASCII is percent-encoded
      ['https://wp.example/bric-%C3%A0-brac-solidaire/', 'Bric à Brac solidaire', '2017-01-20'],
    ]);
    expect(result.records[0]?.fields.summary).toBe(
      'La boutique où tout est gratuit. <a href="https://wp.example/boutique-sans-argent/">Lire la suite</a>',
    );
  });

  it('reads messy HTML and sanitises inner HTML', async () => {
    const { fetchPage } = fixtureFetcher();
    const messy = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://messy.example/'],
      items: 'tr',
      key: 'name',
      fields: {
        name: { selector: 'td.projet b' },
        place: { selector: 'td.lieu' },
        description: { selector: 'td.projet', value: 'html' },
      },
    });
    const result = await crawlSource(messy, fetchPage);
    expect(result.records.map((r) => [r.key, r.fields.place])).toEqual([
      ['Maison des Savoirs & des Savéurs', 'Saint-Étienne (42)'],
      ['Radio Quartiers', 'Marseille'],
    ]);
    const html = String(result.records[0]?.fields.description);
    expect(html).toContain('<p>Ateliers cuisine&nbsp;&amp; alphabétisation – ouverts à tous');
    expect(html).toContain('<a>ici</a>');
    expect(html).not.toMatch(/<script|onclick|onmouseover|javascript:|<style|steal|pub/i);
    expect(html).toContain('<a href="https://messy.example/contact">contact</a>');
    expect(String(result.records[1]?.fields.description)).not.toMatch(/onerror|<img/);
  });

  it('stops at maxPages and says the run is partial', async () => {
    const { fetchPage } = fixtureFetcher();
    const result = await crawlSource({ ...drupal, maxPages: 1 }, fetchPage);
    expect(result.records).toHaveLength(3);
    expect(result.complete).toBe(false);
    expect(result.incompleteBecause).toEqual(['maxPages (1) was reached before the last listing page']);
  });

  it('stops at the limit, and a preview reads the first page only', async () => {
    const limited = await crawlSource(drupal, fixtureFetcher().fetchPage, { limit: 2 });
    expect(limited.records).toHaveLength(2);
    expect(limited.complete).toBe(false);
    const preview = await crawlSource(drupal, fixtureFetcher().fetchPage, { preview: true });
    expect(preview.pagesFetched).toBe(1);
    expect(preview.records).toHaveLength(3);
    expect(preview.complete).toBe(false);
  });

  it('records a failed page and is then partial', async () => {
    const { fetchPage } = fixtureFetcher({ 'https://drupal.example/projets?page=1': 500 });
    const result = await crawlSource(drupal, fetchPage);
    expect(result.records).toHaveLength(3);
    expect(result.errors).toEqual([{ url: 'https://drupal.example/projets?page=1', reason: 'HTTP 500' }]);
    expect(result.complete).toBe(false);
  });

  it('keeps the first of two items with the same key', async () => {
    const { fetchPage } = fixtureFetcher();
    const byTag = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://drupal.example/projets'],
      items: '.views-row',
      key: 'firstTag',
      fields: { firstTag: { selector: 'a.tag' }, title: { selector: 'h3' } },
    });
    const result = await crawlSource(byTag, fetchPage);
    expect(result.records.map((r) => [r.key, r.fields.title])).toEqual([
      ['Alimentation', 'Jardin partagé des Lilas'],
      ['Économie circulaire', 'Repair café de Belleville'],
    ]);
    expect(result.diagnostics.messages).toContain(
      '1 items repeated a key already seen in this run and were skipped (first: Alimentation)',
    );
  });

  it('asks the fetcher to render and click "load more" for JS listings', async () => {
    const { fetchPage, calls } = fixtureFetcher({ 'https://js.example/': 'drupal/page-1.html' });
    const js = config({
      kind: 'html',
      schemaVersion: 1,
      startUrls: ['https://js.example/'],
      render: 'chromium',
      items: '.views-row',
      detailLink: 'h3 a',
      pagination: { type: 'load-more', selector: 'button.load-more', maxClicks: 5 },
      fields: { title: { selector: 'h3' } },
    });
    const result = await crawlSource(js, fetchPage);
    expect(result.records).toHaveLength(2);
    expect(calls[0]?.options).toEqual({
      purpose: 'listing',
      render: 'chromium',
      loadMore: { selector: 'button.load-more', maxClicks: 5, infiniteScroll: false },
    });
  });
});

describe('crawlSource: json, feed, sitemap', () => {
  it('reads a JSON API with a page count', async () => {
    const { fetchPage } = fixtureFetcher();
    const api = config({
      kind: 'json',
      schemaVersion: 1,
      startUrls: ['https://api.example/v1/projects?page=1'],
      items: 'data.items',
      key: 'id',
      sourceUrl: 'url',
      fields: {
        id: { path: 'id' },
        name: { path: 'name' },
        summary: { path: 'summary' },
        city: { path: 'address.city' },
        themes: { path: 'themes[*].label', join: ', ' },
        url: { path: 'url', resolveUrl: true },
      },
      pagination: {
        type: 'page-count',
        path: 'meta.pages',
        template: 'https://api.example/v1/projects?page={page}',
      },
    });
    const result = await crawlSource(api, fetchPage);
    expect(result.complete).toBe(true);
    expect(result.records.map((r) => r.key)).toEqual(['501', '502', '503']);
    expect(result.records[0]).toEqual({
      key: '501',
      sourceUrl: 'https://api.example/projets/501',
      fields: {
        id: '501',
        name: 'Cantine des Sans-Abris',
        summary: 'Des repas chauds et un accueil de jour.',
        city: 'Montreuil',
        themes: 'Alimentation, Précarité',
        url: 'https://api.example/projets/501',
      },
    });
    expect(result.diagnostics.messages).toEqual([
      'the summary path found nothing on 1 of 3 items',
      'the themes path found nothing on 1 of 3 items',
    ]);
  });

  it('reads RSS and Atom feeds', async () => {
    const { fetchPage } = fixtureFetcher();
    const rss = await crawlSource(
      config({ kind: 'feed', schemaVersion: 1, startUrls: ['https://blog.example/feed/'] }),
      fetchPage,
    );
    expect(rss.records.map((r) => r.key)).toEqual([
      'https://blog.example/?p=812',
      'https://blog.example/2018/02/habitat-partage/',
    ]);
    expect(rss.records[0]?.fields).toMatchObject({
      title: 'Une laverie solidaire à Roubaix',
      link: 'https://blog.example/2018/03/laverie-solidaire/',
      author: 'Marie',
      categories: ['Lien social', 'Hauts-de-France'],
      summary: '<p>Laver son linge &amp; rencontrer ses voisins.</p>',
    });
    expect(rss.records[1]?.fields.title).toBe('Habitat partagé & intergénérationnel');
    const atom = await crawlSource(
      config({ kind: 'feed', schemaVersion: 1, startUrls: ['https://atom.example/feed.atom'] }),
      fetchPage,
    );
    expect(atom.records).toEqual([
      expect.objectContaining({
        key: 'tag:atom.example,2018:1',
        sourceUrl: 'https://atom.example/projets/atelier-velo',
      }),
    ]);
    expect(atom.records[0]?.fields.categories).toEqual(['Mobilité']);
  });

  it('sanitises feed HTML and reads the linked pages with detailFields', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Projet</title>
      <link>https://joomla.example/projet/12</link>
      <description><![CDATA[<p onclick="x()">Texte<script>alert(1)</script></p>]]></description></item></channel></rss>`;
    const { fetchPage } = fixtureFetcher();
    const withFeed: typeof fetchPage = async (url, options) =>
      url === 'https://feed.example/rss'
        ? { url, status: 200, contentType: 'application/rss+xml', body: feed }
        : fetchPage(url, options);
    const result = await crawlSource(
      config({
        kind: 'feed',
        schemaVersion: 1,
        startUrls: ['https://feed.example/rss'],
        detailFields: { ville: { selector: '.sobi2Details_field_city', regex: ':\\s*(.+)' } },
      }),
      withFeed,
    );
    expect(result.records[0]?.fields).toMatchObject({ summary: '<p>Texte</p>', ville: 'Chambéry (73)' });
  });

  it('reads the project pages a sitemap index lists', async () => {
    const { fetchPage } = fixtureFetcher();
    const sitemap = config({
      kind: 'sitemap',
      schemaVersion: 1,
      startUrls: ['https://joomla.example/sitemap.xml'],
      urlPattern: '/projet/\\d+$',
      fields: { name: { selector: 'h1' }, description: { selector: '.sobi2Details_field_description' } },
    });
    const result = await crawlSource(sitemap, fetchPage);
    expect(result.complete).toBe(true);
    expect(result.records.map((r) => [r.key, r.fields.name])).toEqual([
      ['https://joomla.example/projet/11', 'Les Ateliers du Bocage'],
      ['https://joomla.example/projet/12', 'Coopérative Oxalis'],
    ]);
    // A preview reaches the pages through the index, and stops at the limit.
    const preview = await crawlSource(sitemap, fetchPage, { preview: true, limit: 1 });
    expect(preview.records.map((r) => r.key)).toEqual(['https://joomla.example/projet/11']);
    expect(preview.complete).toBe(false);
  });
});
