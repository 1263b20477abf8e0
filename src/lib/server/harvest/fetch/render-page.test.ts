import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_PROJECTS } from '../../../../../test/sites/js-site.ts';
import { startTestSites, type TestSites } from '../../../../../test/sites/start-test-sites.ts';
import { createTestFetcher } from '../../../../../test/sites/test-fetcher.ts';
import { silentLogger } from '../../../../../test/support/silent-logger.ts';
import type { Fetcher } from './create-fetcher.ts';
import { BlockedAddressError, SkipPageError, StopSourceError } from './fetch-errors.ts';
import { createRendererForFetcher, type Renderer, renderPage } from './render-page.ts';

// A real browser: Debian's Chromium at /usr/bin/chromium.
let sites: TestSites;
let fetcher: Fetcher;
let renderer: Renderer;
beforeAll(async () => {
  sites = await startTestSites();
  fetcher = createTestFetcher();
  renderer = createRendererForFetcher(fetcher, { logger: silentLogger, timeoutMs: 30_000 });
});
afterAll(async () => {
  await renderer.close();
  await fetcher.close();
  await sites.stop();
});

const titles = (body: string) =>
  load(body)('article.projet h3 a')
    .map((_, a) => load(a).text())
    .get();

describe('renderPage', { timeout: 60_000 }, () => {
  it('clicks "Charger plus" until every project of the JS listing is on the page', async () => {
    const page = await renderer.renderPage(`${sites.origin}/js/projets`, {
      loadMoreSelector: '#charger-plus',
      waitForSelector: 'article.projet',
    });
    expect(page.status).toBe(200);
    expect(titles(page.body)).toEqual(JS_PROJECTS.map((p) => p.name));
    expect(page.clicks).toBe(3);
    expect(page.complete).toBe(true);
    // the page was requested with our User-Agent, through our own client
    const [request] = sites.requests('/js/projets');
    expect(request?.headers['user-agent']).toBe(fetcher.userAgent);
  });

  it('stops at maxClicks and says the list is incomplete', async () => {
    const page = await renderer.renderPage(`${sites.origin}/js/projets`, {
      loadMoreSelector: '#charger-plus',
      maxClicks: 1,
    });
    expect(titles(page.body)).toHaveLength(12);
    expect(page).toMatchObject({ clicks: 1, complete: false });
  });

  it('stops clicking a button that adds nothing, and says the list may be incomplete', async () => {
    const page = await renderer.renderPage(`${sites.origin}/js/bouton-casse`, {
      loadMoreSelector: '#charger-plus',
      stepTimeoutMs: 1000,
    });
    expect(titles(page.body)).toEqual(['Seul projet visible']);
    expect(page).toMatchObject({ clicks: 1, complete: false });
  });

  it('scrolls an infinite list to its end', async () => {
    const page = await renderer.renderPage(`${sites.origin}/js/defilement`, { scroll: true });
    expect(titles(page.body)).toHaveLength(JS_PROJECTS.length);
    expect(page.complete).toBe(true);
  });

  it('refuses what the page itself tries to reach on forbidden addresses', async () => {
    // 127.0.0.1 stands for the public partner site; private networks are otherwise refused.
    const strict = createTestFetcher({ allowPrivateNetworks: false, privateHostsAllowed: ['127.0.0.1'] });
    const strictRenderer = createRendererForFetcher(strict, { logger: silentLogger });
    try {
      const page = await strictRenderer.renderPage(`${sites.origin}/js/fuite`, {
        waitForSelector: 'article.projet',
      });
      expect(titles(page.body).length).toBeGreaterThan(0);
      const refused = page.refusedRequests.map((r) => r.url);
      expect(refused).toContain('http://169.254.169.254/latest/meta-data/');
      expect(refused).toContain('http://10.0.0.1/admin');
      // a same-origin request redirected to the metadata service: the hop is refused, not left to Chromium
      const redirected = page.refusedRequests.find((r) => r.url === `${sites.origin}/unstable/to-metadata`);
      expect(redirected?.reason).toMatch(/metadata address: refused/);
    } finally {
      await strictRenderer.close();
      await strict.close();
    }
  });

  it('re-checks redirects of the page itself', async () => {
    const error = await renderer.renderPage(`${sites.origin}/unstable/to-metadata`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({ url: `${sites.origin}/unstable/to-metadata` });
    expect((error as Error).message).toContain('redirected to http://169.254.169.254/latest/meta-data/');
    const followed = await renderer.renderPage(`${sites.origin}/unstable/chain?n=2`);
    expect(followed.url).toBe(`${sites.origin}/unstable/chain?n=0`);
    expect(followed.body).toContain('Fin de la chaîne');
  });

  it('honours robots.txt and refuses a private target when the instance does not allow it', async () => {
    await expect(renderer.renderPage(`${sites.origin}/robots/prive/x`)).rejects.toBeInstanceOf(SkipPageError);
    const strict = createTestFetcher({ allowPrivateNetworks: false });
    const strictRenderer = createRendererForFetcher(strict, { logger: silentLogger });
    try {
      await expect(strictRenderer.renderPage(`${sites.origin}/js/projets`)).rejects.toBeInstanceOf(
        BlockedAddressError,
      );
    } finally {
      await strictRenderer.close();
      await strict.close();
    }
  });

  it('names the Debian package when Chromium is missing', async () => {
    const error = await renderPage(`${sites.origin}/js/projets`, {
      userAgent: fetcher.userAgent,
      policy: fetcher.policy,
      executablePath: '/nonexistent/chromium',
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StopSourceError);
    expect(error).toMatchObject({ code: 'chromium-missing', advice: 'stop' });
    expect((error as Error).message).toContain('apt-get install chromium');
    expect((error as Error).message).toContain('/nonexistent/chromium');
  });
});
