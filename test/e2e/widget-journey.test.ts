import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { REPO_ROOT, startTadataServer, type TadataServer } from '../support/tadata-server.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('widget: a partner embeds a search on its own page', () => {
  let server: TadataServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTadataServer({ env: { LOAD_DEMO: 'true' } });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1100, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the builder gives a snippet whose iframe lists the projects with their partner credit', async () => {
    await page.goto(`${server?.url}/widget`);
    await page.getByLabel('Région').selectOption('84');
    await page.getByRole('button', { name: 'Mettre à jour le code' }).click();
    await page.waitForURL(/region=84/);
    const snippet = await page.getByTestId('widget-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?region=84" title="[^"]+"/);

    // A partner's page, on another origin, pastes the snippet.
    const partnerSite = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html lang="fr"><title>Partenaire</title><h1>Site d'un partenaire</h1>${snippet}`,
      );
    });
    await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
    const host = await browser?.newPage({ viewport: { width: 900, height: 700 } });
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
    const embed = await fetch(`${server?.url}/embed?view=list`);
    expect(embed.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const home = await fetch(`${server?.url}/`);
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
