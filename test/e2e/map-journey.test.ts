import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { REPO_ROOT, startTadataServer, type TadataServer } from '../support/tadata-server.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('map journey: clusters, zoom, popup with the partner credit', () => {
  let server: TadataServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTadataServer({ env: { LOAD_DEMO: 'true' } });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a visitor zooms into a cluster and opens a project popup', async () => {
    await page.goto(`${server?.url}/carte?theme=EMP`);
    await page.locator('[data-testid=project-map][data-status=ready]').waitFor({ timeout: 30_000 });
    await page.getByTestId('map-cluster').first().waitFor();
    expect(await page.getByTestId('map-list').locator('li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-1-clusters.png') });

    // Zoom into clusters (a bounded number of times) until single projects show.
    for (let i = 0; i < 12 && (await page.getByTestId('map-point').count()) === 0; i++) {
      await page.getByTestId('map-cluster').first().click();
      await page.waitForTimeout(700);
    }
    const point = page.getByTestId('map-point').first();
    await point.click();
    const popup = page.locator('.maplibregl-popup');
    await popup.locator('.map-popup__credit').waitFor();
    expect(await popup.textContent()).toContain("Recensé par Fondation La France s'Engage");
    expect(await popup.locator('.map-popup__credit a').getAttribute('href')).toMatch(
      /^https:\/\/fondationlafrancesengage\.org/,
    );
    expect(await popup.locator('a.map-popup__title').getAttribute('href')).toMatch(/^\/projets\//);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-2-popup.png') });
    expect(pageErrors).toEqual([]);
  });

  test('the map data follows the search parameters', async () => {
    const all = (await (await fetch(`${server?.url}/carte/points.json`)).json()) as {
      total: number;
      points: unknown[];
    };
    const emp = (await (await fetch(`${server?.url}/carte/points.json?theme=EMP`)).json()) as {
      total: number;
    };
    expect(all.total).toBe(150);
    expect(all.points.length).toBeGreaterThanOrEqual(150);
    expect(emp.total).toBeLessThan(all.total);
    expect((await fetch(`${server?.url}/carte/points.json?page=0`)).status).toBe(400);
  });
});
