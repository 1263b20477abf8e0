import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSites, type TestSites } from '../../../../../test/sites/start-test-sites.ts';
import { createTestFetcher } from '../../../../../test/sites/test-fetcher.ts';
import { RetryLaterError, SkipPageError, StopSourceError } from './fetch-errors.ts';

let sites: TestSites;
beforeAll(async () => {
  sites = await startTestSites();
});
afterAll(() => sites.stop());
beforeEach(() => {
  sites.setVariant('robots', 'default');
  sites.clearRequests();
});

/** Pauses between the end of each request and the start of the next, as the server saw them. */
function gaps(prefix: string): number[] {
  const requests = sites.requests(prefix);
  return requests.slice(1).map((r, i) => r.at - (requests[i]?.finishedAt ?? Number.NaN));
}

describe('robots.txt', { timeout: 30_000 }, () => {
  it('is read once per origin, and a forbidden page is never requested', async () => {
    const fetcher = createTestFetcher();
    try {
      const listing = await fetcher.fetchPage(`${sites.origin}/robots/projets`);
      expect(listing.status).toBe(200);
      const forbidden = listing.body.match(/href="(\/robots\/prive\/[^"]+)"/)?.[1];
      expect(forbidden).toBeDefined();
      const error = await fetcher.fetchPage(`${sites.origin}${forbidden}`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SkipPageError);
      expect(error).toMatchObject({ code: 'robots-forbidden', advice: 'skip' });
      expect((error as Error).message).toContain(`${sites.origin}${forbidden}`);
      await fetcher.fetchPage(`${sites.origin}/robots/projets`);
      expect(sites.requests('/robots/prive/')).toEqual([]);
      expect(sites.requests('/robots.txt')).toHaveLength(1);
    } finally {
      await fetcher.close();
    }
  });

  it('sends a truthful User-Agent naming Tadata, its version and the contact URL', async () => {
    const fetcher = createTestFetcher();
    try {
      await fetcher.fetchPage(`${sites.origin}/wordpress/initiatives/`);
      const agents = sites.requests().map((r) => r.headers['user-agent']);
      expect(new Set(agents).size).toBe(1);
      expect(agents[0]).toMatch(/^Tadata\/\d+\.\d+\.\d+ \(\+https:\/\/cis\.example\.org\/contact;/);
      expect(fetcher.userAgent).toBe(agents[0]);
    } finally {
      await fetcher.close();
    }
  });

  it('a robots.txt answering 5xx closes the origin for the run; a 404 means no rules', async () => {
    sites.setVariant('robots', 'unavailable');
    const closed = createTestFetcher();
    try {
      const error = await closed.fetchPage(`${sites.origin}/drupal/projets`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StopSourceError);
      expect(error).toMatchObject({ code: 'robots-unavailable', advice: 'stop' });
      expect(sites.requests('/drupal/')).toEqual([]);
    } finally {
      await closed.close();
    }
    sites.setVariant('robots', 'missing');
    const open = createTestFetcher();
    try {
      expect((await open.fetchPage(`${sites.origin}/robots/prive/anything`)).status).toBe(404);
    } finally {
      await open.close();
    }
  });
});

describe('pacing', { timeout: 30_000 }, () => {
  it('makes one request at a time per host with the minimum delay between them', async () => {
    const fetcher = createTestFetcher({ minDelayMs: 300 });
    try {
      const urls = [0, 1, 2].map((page) => `${sites.origin}/drupal/projets?page=${page}`);
      const pages = await Promise.all(urls.map((url) => fetcher.fetchPage(url)));
      expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
      const pauses = gaps('/drupal/');
      expect(pauses).toHaveLength(2);
      for (const pause of pauses) expect(pause).toBeGreaterThanOrEqual(250);
    } finally {
      await fetcher.close();
    }
  });

  it('never goes below the Crawl-delay of robots.txt', async () => {
    sites.setVariant('robots', 'crawl-delay');
    const fetcher = createTestFetcher({ minDelayMs: 0 });
    try {
      expect(await fetcher.delayFor(`${sites.origin}/joomla/index.php`)).toBe(1000);
      for (const start of [0, 5]) {
        await fetcher.fetchPage(
          `${sites.origin}/joomla/index.php?option=com_sobi2&limit=5&limitstart=${start}`,
        );
      }
      const pauses = gaps('/joomla/');
      expect(pauses).toHaveLength(1);
      expect(pauses[0]).toBeGreaterThanOrEqual(900);
    } finally {
      await fetcher.close();
    }
  });
});

describe('closing', { timeout: 30_000 }, () => {
  it('fails the requests still waiting for their turn instead of leaving them hanging', async () => {
    // robots.txt, then the first page 1.5 s later; the second would wait another 1.5 s.
    const fetcher = createTestFetcher({ minDelayMs: 1500 });
    const first = fetcher.fetchPage(`${sites.origin}/wordpress/initiatives/`);
    const second = fetcher
      .fetchPage(`${sites.origin}/wordpress/initiatives/page/2/`)
      .catch((e: unknown) => e);
    expect((await first).status).toBe(200);
    await fetcher.close();
    const error = await second;
    expect(error).toBeInstanceOf(StopSourceError);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(sites.requests('/wordpress/')).toHaveLength(1);
  });
});

describe('Retry-After and retries', { timeout: 30_000 }, () => {
  it('waits the seconds of Retry-After on a 429, then gets the page', async () => {
    const fetcher = createTestFetcher();
    try {
      const page = await fetcher.fetchPage(`${sites.origin}/unstable/rate-limited?key=seconds&after=1`);
      expect(page).toMatchObject({ status: 200, attempts: 2 });
      const [limited, retried] = sites.requests('/unstable/rate-limited');
      expect(limited?.status).toBe(429);
      expect((retried?.at ?? 0) - (limited?.finishedAt ?? 0)).toBeGreaterThanOrEqual(900);
    } finally {
      await fetcher.close();
    }
  });

  it('understands a Retry-After given as an HTTP date, on a 503', async () => {
    const fetcher = createTestFetcher();
    try {
      const page = await fetcher.fetchPage(`${sites.origin}/unstable/rate-limited?key=date&after=1&date=1`);
      expect(page.status).toBe(200);
      const [limited, retried] = sites.requests('/unstable/rate-limited');
      expect((retried?.at ?? 0) - (limited?.finishedAt ?? 0)).toBeGreaterThanOrEqual(900);
      await fetcher.fetchPage(`${sites.origin}/unstable/unavailable?key=503&after=1`);
      const [down, back] = sites.requests('/unstable/unavailable');
      expect(down?.status).toBe(503);
      expect((back?.at ?? 0) - (down?.finishedAt ?? 0)).toBeGreaterThanOrEqual(900);
    } finally {
      await fetcher.close();
    }
  });

  it('does not wait a Retry-After longer than the cap: the page is to be retried at a later run', async () => {
    const fetcher = createTestFetcher({ maxRetryAfterMs: 5_000 });
    try {
      const error = await fetcher
        .fetchPage(`${sites.origin}/unstable/rate-limited?key=long&after=3600`)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).toMatchObject({ code: 'rate-limited', advice: 'retry-later', retryAfterMs: 3_600_000 });
      expect(sites.requests('/unstable/rate-limited')).toHaveLength(1);
    } finally {
      await fetcher.close();
    }
  });

  it('retries a 500 with backoff and succeeds when the site recovers', async () => {
    const fetcher = createTestFetcher({ retries: 3, retryBaseDelayMs: 100 });
    try {
      const page = await fetcher.fetchPage(`${sites.origin}/unstable/flaky?key=recovers&fails=2`);
      expect(page).toMatchObject({ status: 200, attempts: 3 });
      expect(sites.requests('/unstable/flaky').map((r) => r.status)).toEqual([500, 500, 200]);
      for (const pause of gaps('/unstable/flaky')) expect(pause).toBeGreaterThanOrEqual(40);
    } finally {
      await fetcher.close();
    }
  });

  it('gives up after the configured number of retries', async () => {
    const fetcher = createTestFetcher({ retries: 2 });
    try {
      const error = await fetcher.fetchPage(`${sites.origin}/unstable/always-500`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).toMatchObject({ code: 'server-error' });
      expect((error as Error).message).toBe(
        `${sites.origin}/unstable/always-500: HTTP 500, still after 3 attempts`,
      );
      expect(sites.requests('/unstable/always-500')).toHaveLength(3);
    } finally {
      await fetcher.close();
    }
  });

  it('retries a dropped connection, then reports a network error', async () => {
    const fetcher = createTestFetcher({ retries: 1 });
    try {
      const error = await fetcher.fetchPage(`${sites.origin}/unstable/reset`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect(error).toMatchObject({ code: 'network' });
      expect((error as Error).message).toMatch(/network error \(.+\), still after 2 attempts$/);
      expect(sites.requests('/unstable/reset')).toHaveLength(2);
    } finally {
      await fetcher.close();
    }
  });
});
