import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

// A visitor reads a French search in English and back: the same page and query under /en, every
// string of the interface in English, links that stay in the chosen language.
describe('language journey: French search → English → project → French', () => {
  const journey = useJourney({ width: 1280, height: 900 });

  test('the header switch keeps the page and the query, and links stay in the language', async () => {
    const { page } = journey;
    const base = journey.server.url ?? '';
    await page.goto(`${base}/recherche?q=emploi`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByTestId('search-total').textContent()).toMatch(/\d+ projets?/);
    const toEnglish = page.getByTestId('language-switch');
    expect(await toEnglish.textContent()).toBe('English');
    expect(await toEnglish.getAttribute('hreflang')).toBe('en');
    expect(await toEnglish.getAttribute('lang')).toBe('en');
    expect(await page.locator('link[rel=alternate][hreflang=en]').getAttribute('href')).toBe(
      `${base}/en/recherche?q=emploi`,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-1-fr.png'), fullPage: true });

    await toEnglish.click();
    await page.waitForURL(`${base}/en/recherche?q=emploi`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Search for a project');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).textContent()).toContain(
      'Territories',
    );
    expect(await page.getByTestId('search-facets').locator('h2').textContent()).toBe('Refine the search');
    expect(await page.getByTestId('search-total').textContent()).toMatch(/^\s*\d+ projects?\s*$/);
    expect(await page.getByTestId('partner-credit').first().textContent()).toContain('Listed by');
    // Taxonomy labels follow the language too.
    expect(await page.getByTestId('search-facets').textContent()).toContain('Employment');
    // Facet links and the map link keep the visitor in English.
    const facetHref = await page.getByTestId('search-facets').locator('a').first().getAttribute('href');
    expect(facetHref).toMatch(/^\/en\/recherche\?/);
    expect(await page.getByTestId('map-link').getAttribute('href')).toMatch(/^\/en\/carte\?/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-2-en.png'), fullPage: true });

    await page.getByTestId('project-link').first().click();
    await page.waitForURL(/\/en\/projets\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#sources-title').textContent()).toBe('Sources');
    expect(await page.getByTestId('last-seen').textContent()).toMatch(/^\s*Project last seen on/);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(/\/en\/projets\//);
    const projectPath = new URL(page.url()).pathname.replace(/^\/en/, '');

    const toFrench = page.getByTestId('language-switch');
    expect(await toFrench.textContent()).toBe('Français');
    await toFrench.click();
    await page.waitForURL(`${base}${projectPath}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByTestId('last-seen').textContent()).toMatch(/Projet vu pour la dernière fois/);
    expect(journey.pageErrors).toEqual([]);
  });

  test('English pages are served without JavaScript, and unknown ones answer 404 in English', async () => {
    const base = journey.server.url ?? '';
    const response = await fetch(`${base}/en/territoires`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Projects by région');
    expect(html).toContain('href="/en/territoires/');
    const themes = await (await fetch(`${base}/en/thematiques`)).text();
    expect(themes).toContain('Education and youth');
    expect(themes).not.toContain('Éducation et jeunesse');
    expect(await (await fetch(`${base}/thematiques`)).text()).toContain('Éducation et jeunesse');

    const missing = await fetch(`${base}/en/projets/no-such-project`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('This project does not exist');
    // The API has no English address.
    expect((await fetch(`${base}/en/api/v1/projects`)).status).toBe(404);
  });

  test('a bad search parameter is explained in the page language', async () => {
    const base = journey.server.url ?? '';
    const response = await fetch(`${base}/en/recherche?page=0`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The parameter “page number (page)” is not valid');
  });

  test('the widget builder offers the language, and the English widget links to English pages', async () => {
    const base = journey.server.url ?? '';
    const builder = await (await fetch(`${base}/en/widget?region=84`)).text();
    // On the English builder, the widget is English unless the partner chooses French.
    expect(builder).toMatch(/src="http:\/\/127\.0\.0\.1:\d+\/embed\?region=84&amp;lang=en"/);
    expect(builder).toContain('Language of the widget');
    const french = await (await fetch(`${base}/en/widget?region=84&lang=fr`)).text();
    expect(french).toMatch(/\/embed\?region=84"/);

    const embed = await (await fetch(`${base}/embed?region=84&lang=en`)).text();
    expect(embed).toContain('<html lang="en">');
    expect(embed).toContain('All these projects on the Carrefour des innovations sociales');
    expect(embed).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/en\/projets\//);
    expect(embed).toContain('Listed by');
  });

  test('the English map lists English links and labels its own controls in English', async () => {
    const { page } = journey;
    await page.goto(`${journey.server.url}/en/carte?q=emploi`);
    await page.locator('[data-testid=project-map][data-status=ready]').waitFor();
    expect(await page.getByTestId('map-list').locator('a').first().getAttribute('href')).toMatch(
      /^\/en\/projets\//,
    );
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Outlines: IGN');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
    expect(journey.pageErrors).toEqual([]);
  });
});
