import {
  createFetcher,
  type Fetcher,
  type FetcherOptions,
} from '../../src/lib/server/harvest/fetch/create-fetcher.ts';
import { silentLogger } from '../support/silent-logger.ts';

/**
 * A fetcher for the synthetic sites: loopback allowed, no pause between requests and short
 * backoffs, so tests run fast; each test overrides what it measures.
 */
export function createTestFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  return createFetcher({
    contactUrl: 'https://cis.example.org/contact',
    allowPrivateNetworks: true,
    minDelayMs: 0,
    retries: 2,
    retryBaseDelayMs: 20,
    maxRetryDelayMs: 100,
    timeoutMs: 5_000,
    logger: silentLogger,
    ...overrides,
  });
}
