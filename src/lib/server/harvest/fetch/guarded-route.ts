import type { Request, Route } from 'playwright-core';
import { type Dispatcher, request } from 'undici';
import { decompress, readLimited } from './read-body.ts';
import { checkLiteralTarget, parseTargetUrl, type TargetPolicy } from './target-guard.ts';

/** Resource kinds a listing never needs: not fetched at all, which also keeps rendering fast. */
const SKIPPED_TYPES = new Set(['image', 'media', 'font']);
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'accept-encoding',
  'content-length',
]);
const NOT_RETURNED = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export interface GuardedRouteOptions {
  policy: TargetPolicy;
  /** The fetcher-style pool whose DNS lookups are checked and pinned. */
  dispatcher: Dispatcher;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Called for each request refused or failed, with the reason. */
  onRefused(url: string, reason: string): void;
  /**
   * The page's own navigation was redirected: the route aborts it and reports the target, which
   * the renderer checks (address, robots.txt) before navigating there itself.
   */
  onNavigationRedirect(from: string, to: string): void;
}

class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isMainFrameNavigation(browserRequest: Request): boolean {
  try {
    return browserRequest.isNavigationRequest() && browserRequest.frame().parentFrame() === null;
  } catch {
    return false;
  }
}

/**
 * Serves every request of a rendered page through our own checked HTTP client instead of
 * Chromium's network stack: only http(s), no forbidden address, and the connection uses the very
 * address that was checked (Chromium resolving names itself would reopen DNS rebinding).
 * Redirects never go back to Chromium, whose follow-up requests would bypass the route: we
 * follow them here (each hop checked), or, for the page itself, hand them to the renderer.
 */
export function guardedRoute(options: GuardedRouteOptions) {
  return async (route: Route): Promise<void> => {
    const browserRequest = route.request();
    const rawUrl = browserRequest.url();
    if (SKIPPED_TYPES.has(browserRequest.resourceType())) {
      await route.abort('blockedbyclient');
      return;
    }
    try {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(await browserRequest.allHeaders())) {
        if (!name.startsWith(':') && !NOT_FORWARDED.has(name)) headers[name] = value;
      }
      headers['accept-encoding'] = 'gzip, deflate, br';
      let method = browserRequest.method();
      let body = method === 'GET' || method === 'HEAD' ? null : browserRequest.postDataBuffer();
      let target = rawUrl;
      for (let hop = 0; ; hop++) {
        let url: URL;
        try {
          url = parseTargetUrl(target);
          checkLiteralTarget(url, options.policy);
        } catch (error) {
          throw new Refused((error as { reason?: string }).reason ?? String(error));
        }
        const response = await request(url, {
          dispatcher: options.dispatcher,
          method,
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string') {
          await response.body.dump().catch(() => undefined);
          const next = new URL(location, url).href;
          if (hop === 0 && isMainFrameNavigation(browserRequest)) {
            options.onNavigationRedirect(rawUrl, next);
            await route.abort('aborted');
            return;
          }
          if (hop >= MAX_REDIRECTS) throw new Refused(`more than ${MAX_REDIRECTS} redirects`);
          // As browsers do: 303, and 301/302 after a POST, continue as GET without a body.
          if (
            response.statusCode === 303 ||
            ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')
          ) {
            method = 'GET';
            body = null;
          }
          target = next;
          continue;
        }
        const raw = await readLimited(response.body, options.maxBodyBytes);
        const encoding = response.headers['content-encoding'];
        const decoded = await decompress(
          raw,
          typeof encoding === 'string' ? encoding : null,
          options.maxBodyBytes,
        );
        const returned: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && !NOT_RETURNED.has(name))
            returned[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        await route.fulfill({ status: response.statusCode, headers: returned, body: decoded });
        return;
      }
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? (error as Error).message ?? String(error);
      options.onRefused(rawUrl, reason);
      await route
        .abort(error instanceof Refused || /refused/.test(reason) ? 'blockedbyclient' : 'failed')
        .catch(() => undefined);
    }
  };
}
