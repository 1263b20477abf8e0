import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

describe('charts journey: a search as charts, a bar narrows it; its Atom feed', () => {
  const journey = useJourney({ width: 1280, height: 900 });

  test('a visitor switches a search to charts, reads a table and clicks a bar to narrow the search', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/recherche?q=solidaire`);
    const listTotal = await page.getByTestId('search-total').textContent();
    await page.getByTestId('view-switch').getByRole('link', { name: 'Graphiques' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/recherche/graphiques' && url.searchParams.get('q') === 'solidaire',
    );
    // The same search: the same number of projects as the list.
    expect(await page.getByTestId('search-total').textContent()).toBe(listTotal);
    const charts = page.getByTestId('search-chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(5);
    for (const name of ['theme', 'region', 'departement', 'partner', 'month', 'stage']) {
      expect(await page.locator(`[data-chart=${name}] svg`).count(), name).toBe(1);
    }
    // Each chart has its data as a table and a CSV of the same search.
    const themes = page.locator('[data-chart=theme]');
    await themes.locator('summary').click();
    const table = themes.getByTestId('chart-table');
    await table.waitFor({ state: 'visible' });
    const firstRow = table.locator('tbody tr').first();
    const themeLabel = (await firstRow.locator('th').textContent())?.trim() ?? '';
    const themeCount = Number((await firstRow.locator('td').textContent())?.replace(/\s/g, ''));
    expect(themeCount).toBeGreaterThan(0);
    const csvHref = (await themes.getByRole('link', { name: /CSV/ }).getAttribute('href')) ?? '';
    const csv = await (await fetch(`${journey.server.url}${csvHref}`)).text();
    expect(csv.split('\n')[0]).toBe('theme,theme_label,projects');
    expect(csv).toContain(`,${themeLabel},${themeCount}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'charts-1.png'), fullPage: true });

    // The bar of the first theme is a link with a tooltip: clicking it narrows the search.
    const bar = themes.locator('svg a.chart-link').first();
    expect(await bar.locator('title').textContent()).toContain(themeLabel);
    await bar.click();
    await page.waitForURL((url) => url.pathname === '/recherche/graphiques' && url.searchParams.has('theme'));
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('solidaire');
    expect(Number((await page.getByTestId('search-total').textContent())?.replace(/\D/g, ''))).toBe(
      themeCount,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'charts-2-narrowed.png'), fullPage: true });

    // Back to the list: the narrowed search, as a list.
    await page.getByTestId('view-switch').getByRole('link', { name: 'Liste' }).click();
    await page.waitForURL(
      (u) => u.pathname === '/recherche' && u.searchParams.get('theme') === url.searchParams.get('theme'),
    );
    expect(await page.getByTestId('search-results').locator('article').count()).toBeGreaterThan(0);
    expect(journey.pageErrors).toEqual([]);
  });

  test('the home search box suggests projects, themes and places, chosen with the keyboard', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/`);
    const box = page.getByRole('combobox', { name: /rechercher/i });
    await box.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.pressSequentially('epic', { delay: 30 });
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('status').filter({ hasText: 'suggestion' }).count()).toBe(1);
    await box.press('ArrowDown');
    const firstId = await options.first().getAttribute('id');
    expect(await box.getAttribute('aria-activedescendant')).toBe(firstId);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    const label = (await options.first().locator('.suggest__label').textContent()) ?? '';
    expect(label.toLowerCase()).toMatch(/[ée]pic/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-suggest-1.png') });
    // Escape closes the list, arrow down opens it again.
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/projets/') || url.pathname === '/recherche');
    expect(await page.locator('h1').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home-suggest-2-chosen.png') });
    expect(journey.pageErrors).toEqual([]);
  });

  test('without suggestions chosen, Enter submits the home search to the search page', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/`);
    const box = page.getByRole('combobox', { name: /rechercher/i });
    await box.fill('solidaire');
    await box.press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/recherche' && url.searchParams.get('q') === 'solidaire',
    );
  });

  test('the map of the régions leads to each région, overseas ones included', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/territoires`);
    const map = page.getByTestId('linked-map');
    expect(await map.locator('text', { hasText: 'Mayotte' }).count()).toBe(1);
    const idf = map.locator('a[href="/territoires/ile-de-france"]').first();
    expect(await idf.locator('title').textContent()).toMatch(/^Île-de-France : .* pour 100 000 habitants$/);
    await idf.click();
    await page.waitForURL(/\/territoires\/ile-de-france$/);
    expect(
      await page.getByTestId('explore-charts').getByTestId('search-chart').count(),
    ).toBeGreaterThanOrEqual(2);
  });

  test("in English, the map's overseas insets fly to a région and back to mainland France", async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/en/carte`);
    await page.locator('[data-testid=project-map][data-status=ready]').waitFor({ timeout: 30_000 });
    const heading = page.locator('#in-view-heading');
    const insets = page.getByTestId('map-insets');
    expect(await insets.getAttribute('aria-label')).toBe('Overseas regions');
    const reunion = insets.getByRole('button', { name: /^La Réunion: \d+ projects? — show on the map$/ });
    await reunion.waitFor();
    // Wait for the first count of the projects in view (mainland France holds most of them).
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('#in-view-heading')?.textContent ?? ''),
    );
    const mainland = await heading.textContent();
    await reunion.click();
    await page.waitForFunction(
      (before) => document.querySelector('#in-view-heading')?.textContent !== before,
      mainland,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-overseas-reunion.png') });
    await insets.getByRole('button', { name: 'Back to mainland France on the map' }).click();
    await page.waitForFunction(
      (before) => document.querySelector('#in-view-heading')?.textContent === before,
      mainland,
    );
    expect(journey.pageErrors).toEqual([]);
  });

  test('in English, the charts, their links and the feed stay in English', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/en/recherche/graphiques?q=solidaire`);
    expect(await page.locator('h1').textContent()).toBe('Charts of the search “solidaire”');
    const bar = page.locator('[data-chart=theme] svg a.chart-link').first();
    expect(await bar.getAttribute('href')).toMatch(/^\/en\/recherche\/graphiques\?q=solidaire&theme=/);
    expect(
      await page.getByTestId('view-switch').getByRole('link', { name: 'List' }).getAttribute('href'),
    ).toBe('/en/recherche?q=solidaire');
    const atom = await page.getByTestId('atom-link').getAttribute('href');
    const xml = await (await fetch(`${journey.server.url}${atom}`)).text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toMatch(/<link rel="alternate" type="text\/html" href="[^"]*\/en\/projets\//);
  });

  test('the search page announces an Atom feed of the same search, which lists its newest projects', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/recherche?q=solidaire&region=11`);
    const alternate = await page
      .locator('link[rel=alternate][type="application/atom+xml"]')
      .getAttribute('href');
    const visible = await page.getByTestId('atom-link').getAttribute('href');
    expect(alternate).toBe(visible);
    const response = await fetch(`${journey.server.url}${visible}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const doc = new JSDOM(await response.text(), { contentType: 'application/xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const entries = doc.getElementsByTagName('entry');
    const total = Number((await page.getByTestId('search-total').textContent())?.replace(/\D/g, ''));
    expect(entries.length).toBe(Math.min(total, 50));
    const resultLinks = await page
      .getByTestId('search-results')
      .getByTestId('project-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const feedLinks = [...entries].map(
      (e) => new URL(e.getElementsByTagName('link')[0]?.getAttribute('href') ?? '').pathname,
    );
    expect(new Set(feedLinks)).toEqual(new Set(resultLinks.slice(0, 50)));
  });
});
