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
