import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { REPO_ROOT, startTadataServer, type TadataServer } from '../support/tadata-server.ts';

// A visitor searches the demo data from the home page and opens a project. Every result and the
// project page credit the partner that listed the project and link back to its site (charter).
const PARTNER_NAME = "Fondation La France s'Engage";
const PARTNER_SITE = 'https://fondationlafrancesengage.org';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Typographic apostrophes and runs of whitespace compare like plain ones. */
function normalize(text: string | null): string {
  return (text ?? '')
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The partner credits inside `scope` that name the partner and link to its site. */
async function partnerCreditsOf(scope: Locator | Page): Promise<{ texts: string[]; matching: number }> {
  const credits = await scope.getByTestId('partner-credit').all();
  const texts: string[] = [];
  let matching = 0;
  for (const credit of credits) {
    const text = normalize(await credit.textContent());
    texts.push(text);
    const hrefs = await credit
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    if (text.includes(PARTNER_NAME) && hrefs.some((href) => href.startsWith(PARTNER_SITE))) matching++;
  }
  return { texts, matching };
}

describe('search journey: home → results → project page', () => {
  let server: TadataServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  const screenshot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A fresh data directory: the first start imports the 150 demo projects.
    server = await startTadataServer({ env: { LOAD_DEMO: 'true' } });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a visitor finds projects about "solidaire", narrows by a theme, opens one and follows the partner link', async () => {
    if (!server) throw new Error('server not started');

    // 1. Home page: a search box.
    const home = await page.goto(`${server.url}/`);
    expect(home?.status()).toBe(200);
    // An <input type="search">, or a text field labelled "Rechercher…" (not the role=search form).
    const searchBox = page
      .getByRole('searchbox')
      .or(page.getByRole('textbox', { name: /rechercher/i }))
      .or(page.getByRole('combobox', { name: /rechercher/i }))
      .first();
    await searchBox.waitFor({ state: 'visible' });
    await screenshot('search-journey-1-home');

    // 2. Type and submit.
    await searchBox.fill('solidaire');
    await screenshot('search-journey-2-typed');
    await searchBox.press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/recherche' && url.searchParams.get('q') === 'solidaire',
    );

    // 3. Results: every one credits the partner with a link to its site.
    const results = page.getByTestId('search-results').locator('article');
    await results.first().waitFor({ state: 'visible' });
    await screenshot('search-journey-3-results');
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const { texts, matching } = await partnerCreditsOf(results.nth(i));
      expect(matching, `result ${i + 1} partner credits: ${JSON.stringify(texts)}`).toBeGreaterThan(0);
    }

    // 4. Narrow by a facet: the first theme offered. Fewer (or as many) results, all of that theme.
    const total = page.getByTestId('search-total');
    const broad = Number(normalize(await total.textContent()).replace(/\D/g, ''));
    const themeLink = page.locator('[data-facet="theme"] a').first();
    const themeLabel = normalize(await themeLink.textContent())
      .replace(/^☐\s*/, '')
      .replace(/\s*\([\d\s]+\)$/, '');
    await themeLink.click();
    await page.waitForURL(
      (url) => url.searchParams.has('theme') && url.searchParams.get('q') === 'solidaire',
    );
    await expect
      .poll(async () => page.locator('[data-facet="theme"] a[aria-current="true"]').count())
      .toBe(1);
    const narrowed = Number(normalize(await total.textContent()).replace(/\D/g, ''));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThanOrEqual(broad);
    const tags = await results.first().textContent();
    expect(normalize(tags), `first narrowed result shows the theme ${themeLabel}`).toContain(themeLabel);

    // 5. Open the first result through its title link.
    const first = results.first();
    const projectName = normalize(await first.getByRole('heading').first().textContent());
    expect(projectName).not.toBe('');
    const titleLink = first.locator('a[href*="/projets/"]').filter({ hasText: projectName }).first();
    await titleLink.click();
    await page.waitForURL((url) => /^\/projets\/[^/]+$/.test(url.pathname));
    const heading = page.locator('h1');
    await heading.waitFor({ state: 'visible' });
    expect(normalize(await heading.textContent())).toBe(projectName);
    const { texts, matching } = await partnerCreditsOf(page);
    expect(matching, `project page partner credits: ${JSON.stringify(texts)}`).toBeGreaterThan(0);
    await screenshot('search-journey-4-project');

    // 6. Follow the partner link: it leads to the project's page on the partner's site (answered
    // here by a stand-in, as the test machine has no internet).
    await page.route(`${PARTNER_SITE}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Partenaire</title><h1>Partenaire</h1>',
      }),
    );
    const partnerLink = page
      .getByTestId('partner-credit')
      .first()
      .locator(`a[href^="${PARTNER_SITE}"]`)
      .first();
    const partnerHref = await partnerLink.getAttribute('href');
    await partnerLink.click();
    await page.waitForURL((url) => url.href === partnerHref);
    expect(await page.locator('h1').textContent()).toBe('Partenaire');

    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('on the search page, results follow the words as they are typed, and the caret stays', async () => {
    if (!server) throw new Error('server not started');
    // networkidle: the page's script has loaded and hydrated (instant search needs it).
    await page.goto(`${server.url}/recherche`, { waitUntil: 'networkidle' });
    const total = page.getByTestId('search-total');
    const everything = normalize(await total.textContent());
    const box = page.getByRole('searchbox', { name: 'Rechercher un projet' });
    await box.click();
    await box.pressSequentially('epicerie', { delay: 30 });
    // No Enter: the address and the results follow the words.
    await page.waitForURL((url) => url.pathname === '/recherche' && url.searchParams.get('q') === 'epicerie');
    await expect.poll(async () => normalize(await total.textContent())).not.toBe(everything);
    // The same results as the same search asked directly.
    const api = (await (await fetch(`${server.url}/api/v1/projects?q=epicerie`)).json()) as {
      data: { name: string }[];
    };
    const names = await page
      .getByTestId('search-results')
      .locator('article')
      .getByRole('heading')
      .allTextContents();
    expect(names.map(normalize)).toEqual(api.data.map((p) => normalize(p.name)));
    // The words stay in the box, which keeps the focus: typing goes on.
    expect(await box.inputValue()).toBe('epicerie');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially(' solidaire', { delay: 30 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'epicerie solidaire');
    expect(await box.inputValue()).toBe('epicerie solidaire');
    await screenshot('search-journey-5-instant');
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
});
