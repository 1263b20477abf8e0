import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA rules of axe-core (the RGAA's reference level), on the page as served. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('territory journey and accessibility of the public pages', () => {
  const journey = useJourney({ width: 1280, height: 900 });

  test('a visitor goes from the territories to a région, a département and a project', async () => {
    const base = journey.server.url ?? '';
    await journey.page.goto(`${base}/territoires`);
    await journey.page.getByRole('link', { name: 'Île-de-France' }).first().click();
    await journey.page.waitForURL(/\/territoires\/ile-de-france$/);
    expect(await journey.page.locator('h1').textContent()).toBe('Île-de-France');
    expect(await journey.page.getByTestId('territory-comparison').textContent()).toMatch(
      /pour 100 000 habitants/,
    );
    await journey.page.screenshot({ path: path.join(SCREENSHOTS, 'territory-1-region.png'), fullPage: true });

    await journey.page.getByRole('link', { name: 'Paris', exact: true }).click();
    await journey.page.waitForURL(/\/territoires\/ile-de-france\/paris$/);
    const cards = journey.page.getByTestId('territory-projects').locator('article');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().getByTestId('partner-credit').textContent()).toContain('Fondation La France');
    await journey.page.screenshot({
      path: path.join(SCREENSHOTS, 'territory-2-departement.png'),
      fullPage: true,
    });

    await cards.first().getByTestId('project-link').click();
    await journey.page.waitForURL(/\/projets\//);
    expect(await journey.page.locator('h1').count()).toBe(1);
  });

  test.each([
    ['home', '/'],
    ['search', '/recherche?q=solidaire'],
    ['search charts', '/recherche/graphiques?q=solidaire'],
    ['territories', '/territoires'],
    ['territory', '/territoires/ile-de-france'],
    ['departement', '/territoires/auvergne-rhone-alpes/rhone'],
    ['theme', '/thematiques/EMP'],
    ['partner', '/partenaires/fondation-la-france-s-engage'],
    ['map', '/carte'],
    ['about', '/a-propos'],
    ['contact', '/contact'],
    ['become a partner', '/devenir-partenaire'],
    ['widget builder', '/widget'],
    ['widget', '/embed?region=84'],
    ['English search', '/en/recherche?q=solidaire'],
    ['English theme', '/en/thematiques/EMP'],
  ])('axe finds no WCAG 2.1 AA violation on the %s page', async (_name, url) => {
    await journey.page.goto(`${journey.server.url}${url}`);
    if (url === '/carte')
      await journey.page.locator('[data-testid=project-map][data-status=ready]').waitFor();
    expect(await axeViolations(journey.page)).toEqual([]);
  });

  test('a project page describes itself to search engines and suggests similar projects', async () => {
    await journey.page.goto(`${journey.server.url}/recherche?q=cravate`);
    await journey.page.getByTestId('project-link').first().click();
    await journey.page.waitForURL(/\/projets\//);
    const jsonLd = JSON.parse(
      (await journey.page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd).toMatchObject({ '@type': 'Project', name: 'La Cravate Solidaire' });
    expect(jsonLd.subjectOf[0].publisher.name).toBe("Fondation La France s'Engage");
    expect(await journey.page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'La Cravate Solidaire',
    );
    expect(await journey.page.getByTestId('similar-projects').locator('article').count()).toBeGreaterThan(0);
  });

  test('axe finds no violation on a project page', async () => {
    await journey.page.goto(`${journey.server.url}/recherche?q=cravate`);
    await journey.page.getByTestId('project-link').first().click();
    await journey.page.waitForURL(/\/projets\//);
    expect(await axeViolations(journey.page)).toEqual([]);
  });
});
