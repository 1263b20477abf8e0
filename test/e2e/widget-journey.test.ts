import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, useJourney } from '../support/browser-journey.ts';

describe('widget: a partner embeds a search on its own page', () => {
  const journey = useJourney({ width: 1100, height: 900 });

  test('the builder gives a snippet whose iframe lists the projects with their partner credit', async () => {
    await journey.page.goto(`${journey.server.url}/widget`);
    await journey.page.getByLabel('Région').selectOption('84');
    await journey.page.getByRole('button', { name: 'Mettre à jour le code' }).click();
    await journey.page.waitForURL(/region=84/);
    const snippet = await journey.page.getByTestId('widget-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?region=84" title="[^"]+"/);

    // A partner's page, on another origin, pastes the snippet.
    const partnerSite = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html lang="fr"><title>Partenaire</title><h1>Site d'un partenaire</h1>${snippet}`,
      );
    });
    await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
    const host = await journey.browser.newPage({ viewport: { width: 900, height: 700 } });
    if (!host) throw new Error('no browser');
    await host.goto(`http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}/`);
    const frame = host.frameLocator('iframe');
    await frame.getByTestId('embed-results').waitFor();
    const items = frame.getByTestId('embed-results').locator('article');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().getByTestId('partner-credit').textContent()).toContain(
      "Fondation La France s'Engage",
    );
    expect(await frame.locator('header').count()).toBe(0);
    await host.screenshot({ path: path.join(SCREENSHOTS, 'widget-in-iframe.png') });
    await host.close();
    partnerSite.close();
  });

  test('only the widget may be framed by other sites', async () => {
    const embed = await fetch(`${journey.server.url}/embed?view=list`);
    expect(embed.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const home = await fetch(`${journey.server.url}/`);
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
