import type { Logger } from '../../platform/logger.ts';
import { decodeBody } from './charset.ts';
import { type FetchError, SkipPageError, StopSourceError } from './fetch-errors.ts';
import type { AttemptResponse } from './http-attempt.ts';
import { type RobotsResponse, type RobotsVerdict, robotsVerdict } from './robots-rules.ts';
import { checkLiteralTarget, parseTargetUrl, type TargetPolicy } from './target-guard.ts';

const ROBOTS_MAX_BYTES = 500 * 1024; // Google's limit: rules past it are ignored
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One paced, checked GET (the fetcher's own path), with a body limit. */
export type RobotsGet = (url: URL, bodyLimit: number) => Promise<AttemptResponse>;

export interface RobotsCache {
  /** The origin's rules, read once per run. */
  rulesFor(url: URL): Promise<RobotsVerdict>;
  /** Throws SkipPageError when robots.txt forbids the URL, StopSourceError when the origin is closed this run. */
  check(url: URL): Promise<RobotsVerdict>;
  clear(): void;
}

/** robots.txt per origin for one run, fetched through the same safe, paced path as pages. */
export function createRobotsCache(options: {
  get: RobotsGet;
  policy: TargetPolicy;
  maxRedirects: number;
  logger: Logger;
}): RobotsCache {
  const byOrigin = new Map<string, Promise<RobotsVerdict>>();

  const load = async (origin: string): Promise<RobotsVerdict> => {
    let url = parseTargetUrl('/robots.txt', origin);
    const robotsUrl = url.href;
    let response: RobotsResponse = { unreachable: 'no answer' };
    try {
      for (let hop = 0; hop <= options.maxRedirects; hop++) {
        checkLiteralTarget(url, options.policy);
        const answer = await options.get(url, ROBOTS_MAX_BYTES);
        const location = answer.headers.location;
        if (REDIRECT_STATUSES.has(answer.status) && location) {
          url = parseTargetUrl(location, url.href);
          continue;
        }
        response = {
          status: answer.status,
          body: answer.body ? decodeBody(answer.body, answer.headers['content-type'] ?? null).text : '',
        };
        break;
      }
    } catch (error) {
      const failure = error as FetchError;
      // A refused address is refused for the pages too; anything else counts as "no robots.txt".
      if (failure.code === 'blocked-address' || failure.code === 'cancelled') throw failure;
      if (failure.code === 'too-large') response = { status: 200, body: '' };
      else response = { unreachable: failure.reason };
    }
    const verdict = robotsVerdict(robotsUrl, response);
    options.logger.debug(
      {
        robotsUrl,
        status: 'status' in response ? response.status : null,
        crawlDelayMs: verdict.crawlDelayMs,
      },
      'robots.txt read',
    );
    return verdict;
  };

  const rulesFor = (url: URL): Promise<RobotsVerdict> => {
    let verdict = byOrigin.get(url.origin);
    if (!verdict) {
      verdict = load(url.origin);
      byOrigin.set(url.origin, verdict);
    }
    return verdict;
  };

  return {
    rulesFor,
    async check(url) {
      const verdict = await rulesFor(url);
      if (verdict.unavailable) throw new StopSourceError(url.href, 'robots-unavailable', verdict.unavailable);
      if (!verdict.isAllowed(url.href)) {
        throw new SkipPageError(
          url.href,
          'robots-forbidden',
          `robots.txt of ${url.origin} forbids this page to robots`,
        );
      }
      return verdict;
    },
    clear() {
      byOrigin.clear();
    },
  };
}
