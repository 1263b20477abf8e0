import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { REPO_ROOT, startTadataServer, type TadataServer } from '../support/tadata-server.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('contact journey: report an error on a project page', () => {
  let server: TadataServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTadataServer({ env: { LOAD_DEMO: 'true' } });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a visitor reports an error; a bad address is explained first', async () => {
    await page.goto(`${server?.url}/recherche?q=cravate`);
    await page.getByTestId('project-link').first().click();
    await page.waitForURL(/\/projets\//);
    await page.getByRole('link', { name: 'Signaler une erreur sur cette fiche' }).click();
    await page.waitForURL(/\/contact\?projet=.*sujet=erreur/);
    expect(await page.locator('h1').textContent()).toBe('Signaler une erreur');
    expect(await page.locator('.contact-routes').textContent()).toContain("Fondation La France s'Engage");

    await page.getByLabel('Votre nom').fill('Camille Martin');
    await page.getByLabel('Votre adresse électronique').fill('pas-une-adresse');
    await page.getByLabel('L’erreur constatée').fill('Le projet a déménagé à Chartres en 2025.');
    await page.waitForTimeout(3200); // the form refuses what is sent faster than a person types
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#error-email').textContent()).toBe('indiquez une adresse électronique valide');
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Camille Martin');

    await page.getByLabel('Votre adresse électronique').fill('camille@exemple.org');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    await page.getByTestId('form-sent').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'contact-sent.png'), fullPage: true });
  });
});
