import robotsParser from 'robots-parser';
import { ROBOTS_AGENT } from './user-agent.ts';

/** What robots.txt says for one origin, for this run. */
export interface RobotsVerdict {
  isAllowed(url: string): boolean;
  /** The site's Crawl-delay for us, in ms (0 when none). */
  crawlDelayMs: number;
  /** Set when the whole origin is off limits for this run (robots.txt answered 5xx). */
  unavailable?: string;
}

/** The outcome of GET /robots.txt: a status and body, or no answer at all. */
export type RobotsResponse = { status: number; body: string } | { unreachable: string };

const ALLOW_ALL: RobotsVerdict = { isAllowed: () => true, crawlDelayMs: 0 };

/**
 * Reads a robots.txt answer as Google does: a 2xx is parsed; a 4xx means no rules; a 5xx (or
 * 429) means the site is not ready to be crawled, so nothing is fetched from it this run; no
 * answer at all (DNS, connection, timeout) means no rules.
 */
export function robotsVerdict(robotsUrl: string, response: RobotsResponse): RobotsVerdict {
  if ('unreachable' in response) return ALLOW_ALL;
  const { status, body } = response;
  if (status >= 200 && status < 300) {
    const robot = robotsParser(robotsUrl, body);
    const delay = robot.getCrawlDelay(ROBOTS_AGENT);
    return {
      isAllowed: (url) => robot.isAllowed(url, ROBOTS_AGENT) !== false,
      crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay * 1000 : 0,
    };
  }
  if (status === 429 || status >= 500) {
    return {
      isAllowed: () => false,
      crawlDelayMs: 0,
      unavailable: `robots.txt answered HTTP ${status}: the site is treated as closed to robots for this run`,
    };
  }
  return ALLOW_ALL;
}
