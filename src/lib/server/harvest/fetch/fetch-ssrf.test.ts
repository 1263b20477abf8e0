import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSites, type TestSites } from '../../../../../test/sites/start-test-sites.ts';
import { createTestFetcher } from '../../../../../test/sites/test-fetcher.ts';
import { BlockedAddressError, SkipPageError } from './fetch-errors.ts';

let sites: TestSites;
beforeAll(async () => {
  sites = await startTestSites();
});
afterAll(() => sites.stop());
beforeEach(() => sites.clearRequests());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

/** Simulated DNS: partner.test points wherever the test says. */
const dnsTo =
  (address: string, family: 4 | 6 = 4) =>
  async (hostname: string): Promise<LookupAddress[]> => {
    if (hostname === 'partner.test') return [{ address, family }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };

describe('SSRF guard, private networks not allowed (the default)', () => {
  const port = () => sites.port;

  it.each([
    ['loopback', () => `http://127.0.0.1:${port()}/drupal/projets`],
    ['loopback, decimal spelling', () => `http://2130706433:${port()}/drupal/projets`],
    ['loopback, hex spelling', () => `http://0x7f.0.0.1:${port()}/drupal/projets`],
    ['loopback, octal spelling', () => `http://0177.0.0.1:${port()}/drupal/projets`],
    ['loopback, short spelling', () => `http://127.1:${port()}/drupal/projets`],
    ['loopback, trailing dot', () => `http://127.0.0.1.:${port()}/drupal/projets`],
    ['localhost', () => `http://localhost:${port()}/drupal/projets`],
    ['IPv6 loopback', () => `http://[::1]:${port()}/`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port()}/drupal/projets`],
    ['private 10/8', () => 'http://10.0.0.1/'],
    ['private 172.16/12', () => 'http://172.20.1.1/'],
    ['private 192.168/16', () => 'http://192.168.1.1/'],
    ['carrier-grade NAT', () => 'http://100.64.0.1/'],
    ['link-local', () => 'http://169.254.10.1/'],
    ['IPv6 link-local', () => 'http://[fe80::1]/'],
    ['IPv6 unique-local', () => 'http://[fd12::1]/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['cloud metadata, IPv6', () => 'http://[fd00:ec2::254]/'],
    ['cloud metadata, IPv4-mapped', () => 'http://[::ffff:169.254.169.254]/'],
    ['unspecified', () => `http://0.0.0.0:${port()}/`],
    ['multicast', () => 'http://224.0.0.1/'],
  ])('refuses %s', async (_label, url) => {
    const fetcher = createTestFetcher({ allowPrivateNetworks: false });
    try {
      const error = await failure(fetcher.fetchPage(url()));
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect(error).toMatchObject({ code: 'blocked-address', advice: 'skip' });
      expect((error as Error).message).toMatch(/refused/);
      expect(sites.requests()).toEqual([]);
    } finally {
      await fetcher.close();
    }
  });

  it('checks the address a host name resolves to, and connects to that very address', async () => {
    const fetcher = createTestFetcher({ allowPrivateNetworks: false, resolveHost: dnsTo('127.0.0.1') });
    try {
      const error = await failure(fetcher.fetchPage(`http://partner.test:${sites.port}/drupal/projets`));
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect((error as Error).message).toMatch(
        /partner\.test resolves to 127\.0\.0\.1, a loopback address: refused/,
      );
      expect(sites.requests()).toEqual([]);
    } finally {
      await fetcher.close();
    }
    // With private networks allowed the same simulated answer is used for the connection itself.
    const allowed = createTestFetcher({ allowPrivateNetworks: true, resolveHost: dnsTo('127.0.0.1') });
    try {
      const page = await allowed.fetchPage(`http://partner.test:${sites.port}/drupal/projets`);
      expect(page.status).toBe(200);
      expect(sites.requests('/drupal/')[0]?.headers.host).toBe(`partner.test:${sites.port}`);
    } finally {
      await allowed.close();
    }
  });

  it('refuses a name resolving to an IPv4-mapped IPv6 private address', async () => {
    const fetcher = createTestFetcher({
      allowPrivateNetworks: false,
      resolveHost: dnsTo('::ffff:10.1.2.3', 6),
    });
    try {
      const error = await failure(fetcher.fetchPage('http://partner.test/'));
      expect(error).toBeInstanceOf(BlockedAddressError);
    } finally {
      await fetcher.close();
    }
  });

  it('re-checks every redirect: a public page may not send us to a private one', async () => {
    // 127.0.0.1 stands for a public partner here; localhost (same machine) must stay refused.
    const fetcher = createTestFetcher({ allowPrivateNetworks: false, privateHostsAllowed: ['127.0.0.1'] });
    try {
      expect((await fetcher.fetchPage(`${sites.origin}/wordpress/initiatives/`)).status).toBe(200);
      for (const path of ['/unstable/to-localhost', '/unstable/to-private', '/unstable/to-metadata']) {
        const error = await failure(fetcher.fetchPage(`${sites.origin}${path}`));
        expect(error).toBeInstanceOf(BlockedAddressError);
        expect((error as Error).message).toContain(`${sites.origin}${path}: redirected to`);
      }
      expect(sites.requests('/wordpress/')).toHaveLength(1);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses a public partner redirecting to 127.0.0.1', async () => {
    // partner.test plays a public site (simulated DNS, exempted by name); its redirect to the
    // literal loopback address must be refused without any request to it.
    const fetcher = createTestFetcher({
      allowPrivateNetworks: false,
      privateHostsAllowed: ['partner.test'],
      resolveHost: dnsTo('127.0.0.1'),
    });
    try {
      const partner = `http://partner.test:${sites.port}`;
      expect((await fetcher.fetchPage(`${partner}/drupal/projets`)).status).toBe(200);
      const error = await failure(fetcher.fetchPage(`${partner}/unstable/to-loopback`));
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect((error as Error).message).toBe(
        `${partner}/unstable/to-loopback: redirected to http://127.0.0.1:${sites.port}/wordpress/initiatives/: ` +
          '127.0.0.1 is a loopback address: refused',
      );
      expect(sites.requests('/wordpress/')).toEqual([]);
    } finally {
      await fetcher.close();
    }
  });

  it('refuses other schemes and URLs with credentials', async () => {
    const fetcher = createTestFetcher({ allowPrivateNetworks: false });
    try {
      for (const url of [
        'file:///etc/passwd',
        'ftp://example.org/',
        'gopher://example.org/',
        'javascript:alert(1)',
      ]) {
        expect(await failure(fetcher.fetchPage(url))).toMatchObject({ code: 'bad-url' });
      }
      const withCredentials = await failure(fetcher.fetchPage('http://admin:secret@example.org/'));
      expect(withCredentials).toBeInstanceOf(SkipPageError);
      expect((withCredentials as Error).message).not.toContain('secret');
    } finally {
      await fetcher.close();
    }
  });
});

describe('SSRF guard, private networks allowed by the instance config', () => {
  it('fetches loopback pages but still refuses cloud metadata', async () => {
    const fetcher = createTestFetcher({ allowPrivateNetworks: true });
    try {
      expect((await fetcher.fetchPage(`${sites.origin}/drupal/projets`)).status).toBe(200);
      expect(await failure(fetcher.fetchPage('http://169.254.169.254/latest/meta-data/'))).toBeInstanceOf(
        BlockedAddressError,
      );
      expect(await failure(fetcher.fetchPage(`${sites.origin}/unstable/to-metadata`))).toBeInstanceOf(
        BlockedAddressError,
      );
    } finally {
      await fetcher.close();
    }
  });
});
