import type { Route } from 'playwright-core';
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
]);
const NOT_RETURNED = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

export interface GuardedRouteOptions {
  policy: TargetPolicy;
  /** The fetcher-style pool whose DNS lookups are checked and pinned. */
  dispatcher: Dispatcher;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Called for each request refused or failed, with the reason. */
  onRefused(url: string, reason: string): void;
}

/**
 * Serves every request of a rendered page through our own checked HTTP client instead of
 * Chromium's network stack: only http(s), no forbidden address, and the connection uses the very
 * address that was checked (Chromium resolving names itself would reopen DNS rebinding).
 * Redirects are handed back to Chromium, which requests the next hop through here again.
 */
export function guardedRoute(options: GuardedRouteOptions) {
  return async (route: Route): Promise<void> => {
    const browserRequest = route.request();
    const rawUrl = browserRequest.url();
    if (SKIPPED_TYPES.has(browserRequest.resourceType())) {
      await route.abort('blockedbyclient');
      return;
    }
    let target: URL;
    try {
      target = parseTargetUrl(rawUrl);
      checkLiteralTarget(target, options.policy);
    } catch (error) {
      options.onRefused(rawUrl, (error as { reason?: string }).reason ?? String(error));
      await route.abort('blockedbyclient');
      return;
    }
    try {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(await browserRequest.allHeaders())) {
        if (!name.startsWith(':') && !NOT_FORWARDED.has(name)) headers[name] = value;
      }
      headers['accept-encoding'] = 'gzip, deflate, br';
      const method = browserRequest.method();
      const response = await request(target, {
        dispatcher: options.dispatcher,
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? null : browserRequest.postDataBuffer(),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const raw = await readLimited(response.body, options.maxBodyBytes);
      const encoding = response.headers['content-encoding'];
      const body = await decompress(
        raw,
        typeof encoding === 'string' ? encoding : null,
        options.maxBodyBytes,
      );
      const returned: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && !NOT_RETURNED.has(name))
          returned[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      await route.fulfill({ status: response.statusCode, headers: returned, body });
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? (error as Error).message ?? String(error);
      options.onRefused(rawUrl, reason);
      await route.abort(/refused/.test(reason) ? 'blockedbyclient' : 'failed').catch(() => undefined);
    }
  };
}
