import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { REPO_ROOT, startTadataServer, type TadataServer } from './tadata-server.ts';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** What a browser journey works with; filled in before the first test of its describe block. */
export interface Journey {
  server: TadataServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page's scripts. */
  pageErrors: string[];
}

/**
 * A built server on a fresh data directory (the demo loads) and a French Chromium page, started
 * before the describe block's tests and stopped after them.
 */
export function useJourney(viewport = { width: 1280, height: 900 }): Journey {
  const journey = { pageErrors: [] as string[] } as Journey;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    journey.server = await startTadataServer({ env: { LOAD_DEMO: 'true' } });
    journey.browser = await launchChromium();
    journey.page = await journey.browser.newPage({ locale: 'fr-FR', viewport });
    journey.page.on('pageerror', (error) => journey.pageErrors.push(error.message));
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}
