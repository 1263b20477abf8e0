import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PAGE_SIZE } from '../sites/bench-site.ts';
import { DRUPAL_PROJECTS } from '../sites/drupal-site.ts';
import { FEED_PROJECTS } from '../sites/feeds-site.ts';
import { JOOMLA_PROJECTS } from '../sites/joomla-site.ts';
import { API_PROJECTS } from '../sites/json-api-site.ts';
import { projectsFor } from '../sites/projects.ts';
import { startTestSites, type TestSites } from '../sites/start-test-sites.ts';
import { WORDPRESS_PROJECTS } from '../sites/wordpress-site.ts';

// The synthetic partner sites the harvest tests rely on: their pagination ends, every project is
// reachable, every page says it is synthetic, and the redesign keeps the content.
let sites: TestSites;
beforeAll(async () => {
  sites = await startTestSites({ benchPages: 120 });
});
afterAll(() => sites.stop());

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(new URL(path, sites.origin));
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** Follows a "next" selector from a first page; returns every page's HTML. */
async function crawl(first: string, nextSelector: string): Promise<string[]> {
  const pages: string[] = [];
  let path: string | undefined = first;
  while (path && pages.length < 20) {
    const { status, text } = await get(path);
    expect(status, path).toBe(200);
    expect(text).toMatch(/Site synthétique/);
    pages.push(text);
    path = load(text)(nextSelector).attr('href');
  }
  return pages;
}

const texts = (pages: string[], selector: string) =>
  pages.flatMap((html) => {
    const $ = load(html);
    return $(selector)
      .map((_, el) => $(el).text().trim())
      .get();
  });

const hrefs = (pages: string[], selector: string) =>
  pages.flatMap((html) => {
    const $ = load(html);
    return $(selector)
      .map((_, el) => $(el).attr('href') ?? '')
      .get();
  });

describe('synthetic projects', () => {
  it('are deterministic, unique per site and plausible', () => {
    const a = projectsFor('drupal', 24);
    expect(projectsFor('drupal', 24)).toEqual(a);
    expect(new Set(a.map((p) => p.name)).size).toBe(24);
    for (const p of a) {
      expect(p.postalCode).toMatch(/^\d{5}$/);
      expect(p.tags).toHaveLength(2);
      expect(p.description).toContain(p.city);
    }
    expect(projectsFor('joomla', 18)[0]?.name).not.toBe(a[0]?.name);
  });
});

describe('listing sites', () => {
  it('Drupal: li.pager-next a walks every page; detail pages hold the fields', async () => {
    const pages = await crawl('/drupal/projets', 'li.pager-next a');
    expect(pages).toHaveLength(3);
    expect(texts(pages, 'li.views-row h3.title a')).toEqual(DRUPAL_PROJECTS.map((p) => p.name));
    const project = DRUPAL_PROJECTS[4];
    const $ = load((await get(`/drupal/projet/${project?.slug}`)).text);
    expect($('.name-block').text()).toBe(project?.carrier);
    expect($('.field-name-field-code-postal').text()).toBe(project?.postalCode);
  });

  it('Drupal redesign: same projects, new markup', async () => {
    sites.setVariant('drupal', 'redesign');
    try {
      const pages = await crawl('/drupal/projets', 'a[rel=next]');
      expect(texts(pages, 'li.views-row h3.title a')).toEqual([]);
      expect(texts(pages, 'article.card h2.card__title a')).toEqual(DRUPAL_PROJECTS.map((p) => p.name));
      const $ = load((await get(`/drupal/projet/${DRUPAL_PROJECTS[0]?.slug}`)).text);
      expect($('.name-block').length).toBe(0);
      expect($('.project__carrier').text()).toBe(DRUPAL_PROJECTS[0]?.carrier);
    } finally {
      sites.setVariant('drupal', 'original');
    }
  });

  it('Joomla: limitstart=0,5,10,15 with detail pages', async () => {
    const pages = await crawl(
      '/joomla/index.php?option=com_sobi2&Itemid=95&limit=5&limitstart=0',
      'a[title=Suivante]',
    );
    expect(pages).toHaveLength(4);
    expect(texts(pages, 'table.sobi2Listing span.sobi2ItemTitle a')).toEqual(
      JOOMLA_PROJECTS.map((p) => p.name),
    );
    const href =
      load(pages[1] ?? '')('span.sobi2ItemTitle a')
        .first()
        .attr('href') ?? '';
    expect(href).toContain('sobi2Task=sobi2Details&sobi2Id=6');
    const $ = load((await get(href)).text);
    expect($('.sobi2Details_field_postcode').text()).toBe(JOOMLA_PROJECTS[5]?.postalCode);
  });

  it('WordPress: <link rel="next"> and a.next agree', async () => {
    const pages = await crawl('/wordpress/initiatives/', 'a.next.page-numbers');
    expect(pages).toHaveLength(3);
    expect(load(pages[0] ?? '')('link[rel=next]').attr('href')).toBe('/wordpress/initiatives/page/2/');
    expect(texts(pages, 'article.post h2.entry-title a')).toEqual(WORDPRESS_PROJECTS.map((p) => p.name));
  });

  it('JSON API: numbered pages with the page count in the body', async () => {
    const first = JSON.parse((await get('/api/projets?page=1')).text) as {
      total_pages: number;
      results: { nom: string }[];
    };
    expect(first.total_pages).toBe(3);
    const names = [...first.results];
    for (let n = 2; n <= first.total_pages; n++) {
      names.push(...(JSON.parse((await get(`/api/projets?page=${n}`)).text) as typeof first).results);
    }
    expect(names.map((r) => r.nom)).toEqual(API_PROJECTS.map((p) => p.name));
    expect((await get('/api/projets?page=4')).status).toBe(404);
  });

  it('RSS and Atom feeds list the same projects', async () => {
    const rss = load((await get('/feeds/rss.xml')).text, { xml: true });
    expect(
      rss('item > title')
        .map((_, el) => rss(el).text())
        .get(),
    ).toEqual(FEED_PROJECTS.map((p) => p.name));
    const atom = load((await get('/feeds/atom.xml')).text, { xml: true });
    expect(atom('entry > title').length).toBe(FEED_PROJECTS.length);
    expect(atom('entry > link').first().attr('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/projet\//);
  });

  it('the JS listing holds no project without a browser', async () => {
    const { text } = await get('/js/projets');
    expect(load(text)('article.projet').length).toBe(0);
    expect(text).toContain('Charger plus');
  });
});

describe('benchmark site', () => {
  it('serves N detail pages linked from listing pages', async () => {
    const pages = await crawl('/bench/list?page=1', 'a.next');
    expect(pages).toHaveLength(Math.ceil(120 / BENCH_PAGE_SIZE));
    const links = hrefs(pages, 'li.item a');
    expect(links).toHaveLength(120);
    const detail = await get(links[119] ?? '');
    expect(load(detail.text)('h1.nom').text()).toContain('n°120');
    expect((await get('/bench/list?page=1&n=10')).text.match(/class="item"/g)).toHaveLength(10);
  });
});

describe('server', () => {
  it('records requests with their time and says what it is at /', async () => {
    sites.clearRequests();
    const home = await get('/');
    expect(home.text).toContain('Sites synthétiques de Tadata');
    const [request] = sites.requests();
    expect(request).toMatchObject({ method: 'GET', path: '/', status: 200 });
    expect(request?.finishedAt).toBeGreaterThanOrEqual(request?.at ?? Number.POSITIVE_INFINITY);
  });
});
