import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

describe('map journey: clusters, zoom, popup with the partner credit', () => {
  const journey = useJourney({ width: 1280, height: 900 });

  test('a visitor zooms into a cluster and opens a project popup', async () => {
    await journey.page.goto(`${journey.server.url}/carte?theme=EMP`);
    await journey.page.locator('[data-testid=project-map][data-status=ready]').waitFor({ timeout: 30_000 });
    await journey.page.getByTestId('map-cluster').first().waitFor();
    expect(await journey.page.getByTestId('map-list').locator('li').count()).toBeGreaterThan(0);
    await journey.page.screenshot({ path: path.join(SCREENSHOTS, 'map-1-clusters.png') });

    // Zoom into clusters (a bounded number of times) until single projects show.
    for (let i = 0; i < 12 && (await journey.page.getByTestId('map-point').count()) === 0; i++) {
      await journey.page.getByTestId('map-cluster').first().click();
      await journey.page.waitForTimeout(700);
    }
    const point = journey.page.getByTestId('map-point').first();
    await point.click();
    const popup = journey.page.locator('.maplibregl-popup');
    await popup.locator('.map-popup__credit').waitFor();
    expect(await popup.textContent()).toContain("Recensé par Fondation La France s'Engage");
    expect(await popup.locator('.map-popup__credit a').getAttribute('href')).toMatch(
      /^https:\/\/fondationlafrancesengage\.org/,
    );
    expect(await popup.locator('a.map-popup__title').getAttribute('href')).toMatch(/^\/projets\//);
    await journey.page.screenshot({ path: path.join(SCREENSHOTS, 'map-2-popup.png') });
    expect(journey.pageErrors).toEqual([]);
  });

  test('overseas insets show the counts and move the map there, with the keyboard', async () => {
    const { page, server } = journey;
    const data = (await (await fetch(`${server.url}/carte/points.json`)).json()) as {
      departements: Record<string, number>;
    };
    await page.goto(`${server.url}/carte`);
    await page.locator('[data-testid=project-map][data-status=ready]').waitFor({ timeout: 30_000 });
    const insets = page.getByTestId('map-inset');
    await insets.first().waitFor();
    expect(await insets.evaluateAll((all) => all.map((b) => b.getAttribute('data-departement')))).toEqual([
      '971',
      '972',
      '973',
      '974',
      '976',
    ]);
    // Each inset draws its territory and says the same count as the map's data.
    for (const code of ['971', '972', '973', '974', '976']) {
      const inset = page.locator(`[data-testid=map-inset][data-departement="${code}"]`);
      expect(await inset.locator('path').getAttribute('d')).toMatch(/^M[\d. L]+Z/);
      const count = data.departements[code] ?? 0;
      expect(await inset.locator('.map-inset__count').textContent()).toBe(
        `${count} projet${count > 1 ? 's' : ''}`,
      );
    }
    const reunion = page.locator('[data-testid=map-inset][data-departement="974"]');
    const count974 = data.departements['974'] ?? 0;
    expect(await reunion.getAttribute('aria-label')).toBe(
      `La Réunion : ${count974} projet${count974 > 1 ? 's' : ''} — afficher sur la carte`,
    );
    // Over the map's free corner: clear of the zoom buttons.
    const insetsBox = await page.getByTestId('map-insets').boundingBox();
    const zoomBox = await page.locator('.maplibregl-ctrl-zoom-in').boundingBox();
    expect(insetsBox && zoomBox && insetsBox.x + insetsBox.width < zoomBox.x).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-3-overseas-insets.png') });

    await reunion.focus();
    await page.keyboard.press('Enter');
    const back = page.getByTestId('map-mainland');
    await back.waitFor();
    // The view is now centred on La Réunion (about 55.5° E, 21.1° S).
    const [lon, lat] = ((await page.getByTestId('project-map').getAttribute('data-center')) ?? '')
      .split(',')
      .map(Number);
    expect(lon).toBeGreaterThan(55.15);
    expect(lon).toBeLessThan(55.9);
    expect(lat).toBeGreaterThan(-21.45);
    expect(lat).toBeLessThan(-20.8);
    // The list in view holds the projects located there, and only them (the demo has none there).
    expect(await page.getByTestId('map-list').locator('li').count()).toBe(Math.min(20, count974));
    expect(await page.getByTestId('map-inset').count()).toBe(0);
    expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await reunion.waitFor();
    expect(await reunion.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('map-list').locator('li').count()).toBeGreaterThan(0);
    expect(journey.pageErrors).toEqual([]);
  });

  test('on a phone the insets sit above the map, clear of its controls', async () => {
    const phone = await journey.browser.newPage({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
    try {
      await phone.goto(`${journey.server.url}/carte`);
      await phone.locator('[data-testid=project-map][data-status=ready]').waitFor({ timeout: 30_000 });
      await phone.getByTestId('map-inset').first().waitFor();
      const insets = await phone.getByTestId('map-insets').boundingBox();
      const canvas = await phone.getByTestId('project-map').boundingBox();
      expect(insets && canvas).toBeTruthy();
      if (!insets || !canvas) return;
      expect(insets.y + insets.height).toBeLessThanOrEqual(canvas.y);
      expect(insets.x + insets.width).toBeLessThanOrEqual(360);
      await phone.screenshot({ path: path.join(SCREENSHOTS, 'map-4-overseas-insets-phone.png') });
    } finally {
      await phone.close();
    }
  });

  test('the map data follows the search parameters', async () => {
    const all = (await (await fetch(`${journey.server.url}/carte/points.json`)).json()) as {
      total: number;
      points: unknown[];
    };
    const emp = (await (await fetch(`${journey.server.url}/carte/points.json?theme=EMP`)).json()) as {
      total: number;
    };
    expect(all.total).toBe(150);
    expect(all.points.length).toBeGreaterThanOrEqual(150);
    expect(emp.total).toBeLessThan(all.total);
    expect((await fetch(`${journey.server.url}/carte/points.json?page=0`)).status).toBe(400);
  });
});
