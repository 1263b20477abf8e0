/**
 * Fetch errors, named by what the caller should do with the page or the source:
 * - RetryLaterError: a transient failure (timeouts, network errors, 5xx, 429) persisted after
 *   our own bounded retries; the page may work at the next run.
 * - SkipPageError: this URL cannot be harvested (refused address, robots.txt, too large, redirect
 *   loop, bad URL); retrying will not help, the rest of the source can go on.
 * - StopSourceError: nothing more can be fetched for this source in this run (robots.txt
 *   unavailable, no Chromium, the fetcher closed).
 * Each carries the URL and a plain reason that can be shown to a partner.
 */
export type FetchAdvice = 'retry-later' | 'skip' | 'stop';

export type FetchErrorCode =
  | 'timeout'
  | 'network'
  | 'server-error'
  | 'rate-limited'
  | 'bad-url'
  | 'blocked-address'
  | 'robots-forbidden'
  | 'too-large'
  | 'too-many-redirects'
  | 'unsupported-encoding'
  | 'robots-unavailable'
  | 'chromium-missing'
  | 'cancelled'
  | 'render-failed';

export abstract class FetchError extends Error {
  abstract readonly advice: FetchAdvice;
  constructor(
    readonly url: string,
    readonly code: FetchErrorCode,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${reason}`, options);
  }
}

export class RetryLaterError extends FetchError {
  override name = 'RetryLaterError';
  readonly advice = 'retry-later';
  constructor(
    url: string,
    code: FetchErrorCode,
    reason: string,
    /** When the site said how long to wait (Retry-After) and it was longer than we wait within a run. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(url, code, reason, options);
  }
}

export class SkipPageError extends FetchError {
  override name = 'SkipPageError';
  readonly advice = 'skip';
}

/** The target resolves to an address the instance may not reach (SSRF guard). */
export class BlockedAddressError extends SkipPageError {
  override name = 'BlockedAddressError';
  constructor(url: string, reason: string) {
    super(url, 'blocked-address', reason);
  }
}

export class StopSourceError extends FetchError {
  override name = 'StopSourceError';
  readonly advice = 'stop';
}
