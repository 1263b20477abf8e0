import { Agent } from 'undici';
import type { HarvestConfig } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { getLogger } from '../../platform/logger.ts';
import { decodeBody } from './charset.ts';
import { classifyFailure, isRetriable } from './classify-failure.ts';
import {
  BlockedAddressError,
  FetchError,
  RetryLaterError,
  SkipPageError,
  StopSourceError,
} from './fetch-errors.ts';
import { createHostPacer } from './host-pacer.ts';
import { type AttemptResponse, httpAttempt } from './http-attempt.ts';
import { redactUrl } from './redact-url.ts';
import { backoffDelay, parseRetryAfter } from './retry-after.ts';
import { createRobotsCache } from './robots-cache.ts';
import {
  checkLiteralTarget,
  createPinnedLookup,
  type HostResolver,
  parseTargetUrl,
  type TargetPolicy,
} from './target-guard.ts';
import { buildUserAgent } from './user-agent.ts';

export interface FetcherOptions {
  /** Named in the User-Agent. */
  contactUrl: string;
  /** Overrides the whole User-Agent (keep it truthful). */
  userAgent?: string;
  /** Minimum pause between two requests to one host; raised to the site's Crawl-delay. Default 1000. */
  minDelayMs?: number;
  /** Total time for one request, headers and body. Default 30 000. */
  timeoutMs?: number;
  /** Time to open the connection. Default a third of timeoutMs, at most 10 s. */
  connectTimeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Extra attempts after a network error, timeout, 5xx or 429. Default 3. */
  retries?: number;
  /** First backoff; doubles at each retry, with jitter. Default 1000. */
  retryBaseDelayMs?: number;
  /** Longest backoff between two attempts. Default 30 000. */
  maxRetryDelayMs?: number;
  /** Longest Retry-After we wait within a run; a longer one ends the page with RetryLaterError. Default 120 000. */
  maxRetryAfterMs?: number;
  allowPrivateNetworks?: boolean;
  privateHostsAllowed?: readonly string[];
  /** Tests only: simulated DNS. */
  resolveHost?: HostResolver;
  /** Requests in flight per host. Default 1 (politeness); the loopback benchmark raises it. */
  perHostConcurrency?: number;
  logger?: Logger;
}

export interface FetchPageOptions {
  /** Validators from the previous fetch of this URL: a 304 answer comes back as `unchanged`. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  requestedUrl: string;
  status: number;
  contentType: string | null;
  /** Decoded text; empty for a 304. */
  body: string;
  /** The body's bytes after decompression, for binary sources (XLSX); null for a 304. */
  data: Buffer | null;
  /** The encoding the body was decoded from (null for a 304). */
  charset: string | null;
  /** True when the server answered 304 Not Modified to our validators. */
  unchanged: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Each URL redirected to, in order. */
  redirects: string[];
  /** Bytes received on the wire for the final answer (compressed size). */
  transferredBytes: number;
  durationMs: number;
  /** Requests made for the final hop, retries included. */
  attempts: number;
}

export interface Fetcher {
  readonly userAgent: string;
  /** GET a page politely and safely. 2xx, 304 and 4xx (other than 429) are returned; see fetch-errors.ts for the rest. */
  fetchPage(url: string, options?: FetchPageOptions): Promise<FetchedPage>;
  /** Throws SkipPageError when robots.txt forbids the URL, StopSourceError when the origin is closed this run. */
  assertAllowedByRobots(url: string): Promise<void>;
  /** The pause this fetcher keeps between requests to the URL's host (robots Crawl-delay included). */
  delayFor(url: string): Promise<number>;
  /** The safety policy, for the renderer to apply to every request a page makes. */
  readonly policy: TargetPolicy;
  /** Runs a task (e.g. a browser visit) in the host's politeness slot, with its delay. */
  withHostSlot<T>(url: string, task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Fetcher options from the instance configuration; a source may then override minDelayMs. */
export function fetcherOptionsFromConfig(config: HarvestConfig): FetcherOptions {
  return {
    contactUrl: config.contactUrl,
    allowPrivateNetworks: config.allowPrivateNetworks,
    minDelayMs: config.minDelayMs,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
  };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5';

/** The same failure, told from the URL the caller asked for. */
function rename(error: FetchError, url: string, reason: string): FetchError {
  if (error instanceof BlockedAddressError) return new BlockedAddressError(url, reason);
  if (error instanceof StopSourceError) return new StopSourceError(url, error.code, reason);
  return new SkipPageError(url, error.code, reason);
}

/**
 * One fetcher per harvest run: it holds the run's robots.txt cache, the per-host pacing and the
 * connection pool, whose DNS lookups are checked and pinned (see target-guard.ts).
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const minDelayMs = options.minDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(10_000, Math.ceil(timeoutMs / 3));
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const retries = options.retries ?? 3;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const userAgent = options.userAgent ?? buildUserAgent(options.contactUrl);
  const logger = (options.logger ?? getLogger()).child({ module: 'harvest-fetch' });
  const policy: TargetPolicy = {
    allowPrivateNetworks: options.allowPrivateNetworks ?? false,
    privateHostsAllowed: options.privateHostsAllowed ?? [],
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  };
  const concurrency = options.perHostConcurrency ?? 1;
  const agent = new Agent({
    connect: { lookup: createPinnedLookup(policy), timeout: connectTimeoutMs },
    connections: concurrency,
    keepAliveTimeout: 10_000,
  });
  const pacer = createHostPacer(concurrency);

  const baseHeaders = (accept: string): Record<string, string> => ({
    'user-agent': userAgent,
    accept,
    'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  });

  /** One paced attempt; failures come back as domain errors. */
  const attempt = async (url: URL, headers: Record<string, string>, delayMs: number, bodyLimit: number) => {
    try {
      return await pacer.run(url.host, delayMs, () =>
        httpAttempt(url, { dispatcher: agent, headers, timeoutMs, maxBodyBytes: bodyLimit }),
      );
    } catch (error) {
      throw classifyFailure(error, url.href, timeoutMs);
    }
  };

  const robots = createRobotsCache({
    get: (url, bodyLimit) => attempt(url, baseHeaders('text/plain,*/*;q=0.5'), minDelayMs, bodyLimit),
    policy,
    maxRedirects,
    logger,
  });

  /** GET with bounded retries; redirects are returned to the caller, which re-checks the target. */
  const getWithRetries = async (
    url: URL,
    headers: Record<string, string>,
    delayMs: number,
  ): Promise<{ answer: AttemptResponse; attempts: number }> => {
    for (let attempts = 1; ; attempts++) {
      const retriesLeft = attempts <= retries;
      let answer: AttemptResponse;
      try {
        answer = await attempt(url, headers, delayMs, maxBodyBytes);
      } catch (error) {
        const failure = error as FetchError;
        if (!isRetriable(failure) || !retriesLeft) {
          if (failure instanceof RetryLaterError && attempts > 1) {
            throw new RetryLaterError(
              url.href,
              failure.code,
              `${failure.reason}, still after ${attempts} attempts`,
            );
          }
          throw failure;
        }
        const wait = backoffDelay(attempts - 1, retryBaseDelayMs, maxRetryDelayMs);
        logger.warn(
          { url: redactUrl(url.href), reason: failure.reason, waitMs: wait, attempt: attempts },
          'retrying later in this run',
        );
        pacer.holdUntil(url.host, Date.now() + wait);
        continue;
      }
      if (answer.status !== 429 && answer.status < 500) return { answer, attempts };
      const retryAfter =
        answer.status === 429 || answer.status === 503
          ? parseRetryAfter(answer.headers['retry-after'])
          : null;
      const code = answer.status === 429 ? 'rate-limited' : 'server-error';
      if (retryAfter !== null && retryAfter > maxRetryAfterMs) {
        throw new RetryLaterError(
          url.href,
          code,
          `HTTP ${answer.status}; the site asks to wait ${Math.round(retryAfter / 1000)} s, longer than we wait within a run`,
          retryAfter,
        );
      }
      if (!retriesLeft) {
        throw new RetryLaterError(
          url.href,
          code,
          `HTTP ${answer.status}, still after ${attempts} attempts`,
          retryAfter ?? undefined,
        );
      }
      const wait = retryAfter ?? backoffDelay(attempts - 1, retryBaseDelayMs, maxRetryDelayMs);
      logger.warn(
        { url: redactUrl(url.href), status: answer.status, waitMs: wait, attempt: attempts },
        'retrying later in this run',
      );
      // The whole host waits: a struggling or rate-limiting site gets no other request meanwhile.
      pacer.holdUntil(url.host, Date.now() + wait);
    }
  };

  const fetchPage = async (rawUrl: string, pageOptions: FetchPageOptions = {}): Promise<FetchedPage> => {
    const started = Date.now();
    const requested = parseTargetUrl(rawUrl);
    const redirects: string[] = [];
    const seen = new Set<string>([requested.href]);
    let url = requested;
    for (let hop = 0; ; hop++) {
      const headers = baseHeaders(pageOptions.accept ?? DEFAULT_ACCEPT);
      // Validators belong to the URL they came from: only the first hop carries them.
      if (hop === 0 && pageOptions.etag) headers['if-none-match'] = pageOptions.etag;
      if (hop === 0 && pageOptions.lastModified) headers['if-modified-since'] = pageOptions.lastModified;
      let hopResult: { answer: AttemptResponse; attempts: number };
      try {
        checkLiteralTarget(url, policy);
        const rules = await robots.check(url);
        hopResult = await getWithRetries(url, headers, Math.max(minDelayMs, rules.crawlDelayMs));
      } catch (error) {
        // Name the page the caller asked for, and where its redirects led.
        if (hop > 0 && error instanceof FetchError && !(error instanceof RetryLaterError)) {
          throw rename(error, requested.href, `redirected to ${url.href}: ${error.reason}`);
        }
        throw error;
      }
      const { answer, attempts } = hopResult;
      const location = answer.headers.location;
      if (REDIRECT_STATUSES.has(answer.status) && location) {
        const next = parseTargetUrl(location, url.href);
        if (seen.has(next.href)) {
          throw new SkipPageError(
            requested.href,
            'too-many-redirects',
            `redirect loop: ${[...seen, next.href].join(' → ')}`,
          );
        }
        if (hop >= maxRedirects) {
          throw new SkipPageError(
            requested.href,
            'too-many-redirects',
            `more than ${maxRedirects} redirects`,
          );
        }
        seen.add(next.href);
        redirects.push(next.href);
        url = next;
        continue;
      }
      const contentType = answer.headers['content-type'] ?? null;
      const decoded = answer.body ? decodeBody(answer.body, contentType) : null;
      const page: FetchedPage = {
        url: url.href,
        requestedUrl: requested.href,
        status: answer.status,
        contentType,
        body: decoded?.text ?? '',
        data: answer.body,
        charset: decoded?.charset ?? null,
        unchanged: answer.status === 304,
        etag: answer.headers.etag ?? null,
        lastModified: answer.headers['last-modified'] ?? null,
        redirects,
        transferredBytes: answer.wireBytes,
        durationMs: Date.now() - started,
        attempts,
      };
      logger.debug(
        { url: redactUrl(page.url), status: page.status, bytes: page.transferredBytes, ms: page.durationMs },
        'fetched',
      );
      return page;
    }
  };

  return {
    userAgent,
    policy,
    fetchPage,
    async assertAllowedByRobots(url) {
      const target = parseTargetUrl(url);
      checkLiteralTarget(target, policy);
      await robots.check(target);
    },
    async withHostSlot(url, task) {
      const target = parseTargetUrl(url);
      const rules = await robots.rulesFor(target);
      return pacer.run(target.host, Math.max(minDelayMs, rules.crawlDelayMs), task);
    },
    async delayFor(url) {
      const rules = await robots.rulesFor(parseTargetUrl(url));
      return Math.max(minDelayMs, rules.crawlDelayMs);
    },
    async close() {
      pacer.close();
      robots.clear();
      await agent.close();
    },
  };
}
