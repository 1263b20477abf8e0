import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMPRESSED_PROJECTS } from '../../../../../test/sites/compressed-site.ts';
import { MESSY_PROJECTS, MESSY_SAMPLE } from '../../../../../test/sites/messy-site.ts';
import { startTestSites, type TestSites } from '../../../../../test/sites/start-test-sites.ts';
import { createTestFetcher } from '../../../../../test/sites/test-fetcher.ts';
import type { Fetcher } from './create-fetcher.ts';
import { RetryLaterError, SkipPageError } from './fetch-errors.ts';

let sites: TestSites;
let fetcher: Fetcher;
beforeAll(async () => {
  sites = await startTestSites();
  fetcher = createTestFetcher();
});
afterAll(async () => {
  await fetcher.close();
  await sites.stop();
});
beforeEach(() => sites.clearRequests());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('conditional requests', () => {
  it('sends the ETag back and reports a 304 as unchanged', async () => {
    const url = `${sites.origin}/wordpress/initiatives/`;
    const first = await fetcher.fetchPage(url);
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.lastModified).toMatch(/GMT$/);
    const again = await fetcher.fetchPage(url, { etag: first.etag });
    expect(again).toMatchObject({ status: 304, unchanged: true, body: '' });
    const byDate = await fetcher.fetchPage(url, { lastModified: first.lastModified });
    expect(byDate).toMatchObject({ status: 304, unchanged: true });
    expect(sites.requests('/wordpress/').at(-1)?.headers['if-modified-since']).toBe(first.lastModified);
  });

  it('gets the page again when it changed', async () => {
    const url = `${sites.origin}/drupal/projets`;
    const before = await fetcher.fetchPage(url);
    sites.setVariant('drupal', 'redesign');
    try {
      const after = await fetcher.fetchPage(url, { etag: before.etag });
      expect(after).toMatchObject({ status: 200, unchanged: false });
      expect(after.etag).not.toBe(before.etag);
    } finally {
      sites.setVariant('drupal', 'original');
    }
  });
});

describe('compression', () => {
  it.each(['gzip', 'br', 'deflate', 'deflate-raw'])('decodes a %s body', async (encoding) => {
    const page = await fetcher.fetchPage(`${sites.origin}/compressed/${encoding}`);
    expect(page.body).toContain(COMPRESSED_PROJECTS[0]?.name);
    expect(page.transferredBytes).toBeLessThan(page.data?.length ?? 0);
    const [request] = sites.requests(`/compressed/${encoding}`);
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request?.encoding).toBe(encoding === 'deflate-raw' ? 'deflate' : encoding);
  });
});

describe('limits', { timeout: 30_000 }, () => {
  it('abandons a body past the maximum size with a clear error', async () => {
    const small = createTestFetcher({ maxBodyBytes: 1024 * 1024 });
    try {
      const error = await failure(small.fetchPage(`${sites.origin}/unstable/huge?mb=50`));
      expect(error).toBeInstanceOf(SkipPageError);
      expect(error).toMatchObject({ code: 'too-large', advice: 'skip' });
      expect((error as Error).message).toMatch(/larger than the limit of 1048576 bytes/);
      // a compressed bomb is measured after decompression
      const bomb = await failure(small.fetchPage(`${sites.origin}/unstable/bomb`));
      expect(bomb).toMatchObject({ code: 'too-large' });
    } finally {
      await small.close();
    }
  });

  it('times out a slow answer and a body that never ends', async () => {
    const impatient = createTestFetcher({ timeoutMs: 300, retries: 0 });
    try {
      for (const path of ['/unstable/slow?ms=3000', '/unstable/stall']) {
        const error = await failure(impatient.fetchPage(`${sites.origin}${path}`));
        expect(error).toBeInstanceOf(RetryLaterError);
        expect(error).toMatchObject({ code: 'timeout', advice: 'retry-later' });
        expect((error as Error).message).toMatch(/within 300 ms/);
      }
    } finally {
      await impatient.close();
    }
  });
});

describe('redirects', () => {
  it('follows a few and reports them', async () => {
    const page = await fetcher.fetchPage(`${sites.origin}/unstable/chain?n=3`);
    expect(page.status).toBe(200);
    expect(page.requestedUrl).toBe(`${sites.origin}/unstable/chain?n=3`);
    expect(page.url).toBe(`${sites.origin}/unstable/chain?n=0`);
    expect(page.redirects).toHaveLength(3);
  });

  it('stops a redirect loop and a chain longer than the bound', async () => {
    const loop = await failure(fetcher.fetchPage(`${sites.origin}/unstable/loop-a`));
    expect(loop).toMatchObject({ code: 'too-many-redirects', advice: 'skip' });
    expect((loop as Error).message).toMatch(/redirect loop/);
    expect(sites.requests('/unstable/loop-')).toHaveLength(2);
    const long = await failure(fetcher.fetchPage(`${sites.origin}/unstable/chain?n=8`));
    expect(long).toMatchObject({ code: 'too-many-redirects' });
    expect((long as Error).message).toMatch(/more than 5 redirects/);
    expect(sites.requests('/unstable/chain')).toHaveLength(6);
  });

  it('refuses a redirect to another scheme', async () => {
    const error = await failure(fetcher.fetchPage(`${sites.origin}/unstable/to-file`));
    expect(error).toMatchObject({ code: 'bad-url' });
    expect((error as Error).message).toMatch(/file: scheme is not allowed/);
  });
});

describe('charsets', () => {
  it.each([
    ['/messy/cp1252-http-equiv', 'windows-1252'],
    ['/messy/latin1-meta', 'windows-1252'],
    ['/messy/cp1252-undeclared', 'windows-1252'],
    ['/messy/latin1-header', 'windows-1252'],
    ['/messy/utf8-undeclared', 'utf-8'],
    ['/messy/utf8-bom', 'utf-8'],
    ['/messy/header-beats-meta', 'utf-8'],
  ])('%s decodes é, œ, €, ’ (%s)', async (path, charset) => {
    const page = await fetcher.fetchPage(`${sites.origin}${path}`);
    expect(page.charset).toBe(charset);
    expect(page.body).toContain(`<p class="sample">${MESSY_SAMPLE}</p>`);
    expect(page.body.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes the messy Windows-1252 listing, with and without its meta tag, and a Latin-1 feed', async () => {
    for (const path of ['/messy/projets', '/messy/projets-sans-charset']) {
      const page = await fetcher.fetchPage(`${sites.origin}${path}`);
      expect(page.charset).toBe('windows-1252');
      expect(page.body).toContain('<!-- tableau généré par FrontPage -->');
      expect(page.body).not.toContain('\ufffd');
    }
    // The detail page writes its description as raw bytes, without entities.
    const withApostrophe = MESSY_PROJECTS.find((p) => p.description.includes('’'));
    expect(withApostrophe).toBeDefined();
    const fiche = await fetcher.fetchPage(`${sites.origin}/messy/fiche.php?id=${withApostrophe?.id}`);
    expect(fiche.body).toContain(withApostrophe?.description);
    const feed = await fetcher.fetchPage(`${sites.origin}/feeds/rss-latin1.xml`);
    expect(feed.body).toContain('Initiatives — Agence Synthétique');
  });
});
