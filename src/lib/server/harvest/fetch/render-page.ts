import type { Browser, Page } from 'playwright-core';
import { Agent } from 'undici';
import type { HarvestConfig } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { getLogger } from '../../platform/logger.ts';
import type { Fetcher } from './create-fetcher.ts';
import { BlockedAddressError, FetchError, RetryLaterError, SkipPageError } from './fetch-errors.ts';
import { guardedRoute } from './guarded-route.ts';
import { DEFAULT_CHROMIUM_PATH, launchChromium } from './launch-chromium.ts';
import { redactUrl } from './redact-url.ts';
import {
  AddressRefusal,
  checkLiteralTarget,
  createPinnedLookup,
  parseTargetUrl,
  resolveAllowed,
  type TargetPolicy,
} from './target-guard.ts';

export interface RenderPageOptions {
  /** A button or link to click until it disappears ("Charger plus"). */
  loadMoreSelector?: string;
  /** Most clicks on loadMoreSelector. Default 20, at most 200. */
  maxClicks?: number;
  /** Wait until this selector is present before reading the page. */
  waitForSelector?: string;
  /** Scroll to the bottom until the page stops growing (infinite scroll). */
  scroll?: boolean;
  /** Most scrolls. Default 20, at most 200. */
  maxScrolls?: number;
  /** Overrides the renderer's total time for this page. */
  timeoutMs?: number;
  /** Longest wait for one click or scroll to show its effect. Default 10 000. */
  stepTimeoutMs?: number;
}

export interface RenderedPage {
  url: string;
  requestedUrl: string;
  status: number | null;
  contentType: string | null;
  /** The DOM after scripts, clicks and scrolls, serialised. */
  body: string;
  clicks: number;
  scrolls: number;
  /** False when clicking or scrolling stopped at a bound (maxClicks, maxScrolls, time) rather than because the list ended. */
  complete: boolean;
  /** Requests the page tried and we refused or could not serve, with why. */
  refusedRequests: { url: string; reason: string }[];
  durationMs: number;
}

export interface RendererOptions {
  userAgent: string;
  policy: TargetPolicy;
  executablePath?: string;
  /** Total time for one page, clicks included. Default 60 000. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Checks robots.txt for the page (not for its scripts and data requests). */
  assertAllowed?: (url: string) => Promise<void>;
  /** Runs the visit in the host's politeness slot. */
  withHostSlot?: <T>(url: string, task: () => Promise<T>) => Promise<T>;
  logger?: Logger;
}

export interface Renderer {
  renderPage(url: string, options?: RenderPageOptions): Promise<RenderedPage>;
  close(): Promise<void>;
}

const QUIET_MS = 300;
const MAX_REDIRECTS = 5;
const STEP_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until no request of the page has been in flight for QUIET_MS, or the deadline. */
async function settle(inflight: () => number, deadline: number): Promise<void> {
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inflight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await sleep(50);
  }
}

/** Why page.goto failed: a refused request of ours, or the page did not load. */
function navigationFailure(
  url: string,
  refused: { url: string; reason: string }[],
  error: unknown,
): FetchError {
  const refusal = refused.find((r) => /refused/.test(r.reason));
  if (refusal) return new BlockedAddressError(url, `${refusal.url}: ${refusal.reason}`);
  const message = (error as Error).message?.split('\n')[0] ?? String(error);
  return new RetryLaterError(url, 'render-failed', `the page did not load: ${message}`);
}

const domSize = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/**
 * Renders JavaScript-built listings in headless Chromium. One browser per renderer, one fresh
 * context per page; every request the page makes goes through guardedRoute (http(s) only,
 * addresses checked and pinned); service workers are blocked so none can bypass it, and
 * WebSockets are refused.
 */
export function createRenderer(options: RendererOptions): Renderer {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const defaultTimeoutMs = options.timeoutMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const logger = (options.logger ?? getLogger()).child({ module: 'harvest-render' });
  const dispatcher = new Agent({ connect: { lookup: createPinnedLookup(options.policy), timeout: 10_000 } });
  let browser: Promise<Browser> | undefined;

  /** Address (resolved now) and robots.txt; the connection itself is checked again and pinned. */
  const checkTarget = async (url: string, redirectedFrom?: string): Promise<void> => {
    const blame = (reason: string) =>
      redirectedFrom
        ? new BlockedAddressError(redirectedFrom, `redirected to ${url}: ${reason}`)
        : new BlockedAddressError(url, reason);
    let target: URL;
    try {
      target = parseTargetUrl(url);
      checkLiteralTarget(target, options.policy);
      await resolveAllowed(target.hostname, options.policy);
    } catch (error) {
      if (error instanceof AddressRefusal || error instanceof BlockedAddressError) throw blame(error.reason);
      if (error instanceof FetchError) throw error;
      throw new RetryLaterError(
        redirectedFrom ?? url,
        'network',
        `cannot resolve the host of ${url}`,
        undefined,
        {
          cause: error,
        },
      );
    }
    await options.assertAllowed?.(target.href);
  };

  const render = async (requested: URL, pageOptions: RenderPageOptions): Promise<RenderedPage> => {
    const started = Date.now();
    const deadline = started + (pageOptions.timeoutMs ?? defaultTimeoutMs);
    const stepTimeoutMs = pageOptions.stepTimeoutMs ?? STEP_TIMEOUT_MS;
    browser ??= launchChromium(executablePath, requested.href);
    const context = await (await browser).newContext({
      userAgent: options.userAgent,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      acceptDownloads: false,
    });
    const refusedRequests: { url: string; reason: string }[] = [];
    const navigationRedirects = new Map<string, string>();
    let inflight = 0;
    try {
      await context.routeWebSocket(/.*/, (ws) => {
        refusedRequests.push({ url: ws.url(), reason: 'WebSockets are not allowed' });
        void ws.close();
      });
      await context.route(
        '**/*',
        guardedRoute({
          policy: options.policy,
          dispatcher,
          timeoutMs: Math.max(1000, deadline - Date.now()),
          maxBodyBytes,
          onRefused: (url, reason) => refusedRequests.push({ url, reason }),
          onNavigationRedirect: (from, to) => navigationRedirects.set(from, to),
        }),
      );
      const page = await context.newPage();
      page.on('request', () => inflight++);
      page.on('requestfinished', () => inflight--);
      page.on('requestfailed', () => inflight--);
      const remaining = () => Math.max(1, deadline - Date.now());

      let response: Awaited<ReturnType<Page['goto']>> = null;
      const seen = new Set<string>([requested.href]);
      for (let target = requested.href; ; ) {
        try {
          response = await page.goto(target, { waitUntil: 'load', timeout: remaining() });
          break;
        } catch (error) {
          const next = navigationRedirects.get(target);
          if (next === undefined) throw navigationFailure(requested.href, refusedRequests, error);
          if (seen.has(next) || seen.size > MAX_REDIRECTS) {
            throw new SkipPageError(
              requested.href,
              'too-many-redirects',
              `redirect loop or more than ${MAX_REDIRECTS} redirects, last to ${next}`,
            );
          }
          seen.add(next);
          await checkTarget(next, requested.href);
          target = next;
        }
      }
      await settle(() => inflight, deadline);
      if (pageOptions.waitForSelector) {
        await page.waitForSelector(pageOptions.waitForSelector, { timeout: remaining() }).catch(() => {
          throw new RetryLaterError(
            requested.href,
            'render-failed',
            `"${pageOptions.waitForSelector}" never appeared`,
          );
        });
      }

      let complete = true;
      let clicks = 0;
      if (pageOptions.loadMoreSelector) {
        const maxClicks = Math.min(200, pageOptions.maxClicks ?? 20);
        const button = page.locator(pageOptions.loadMoreSelector).first();
        for (;;) {
          if ((await button.count()) === 0 || !(await button.isVisible())) break;
          if (clicks >= maxClicks || Date.now() >= deadline) {
            complete = false;
            break;
          }
          const before = await domSize(page);
          await button.click({ timeout: Math.min(stepTimeoutMs, remaining()) }).catch(() => undefined);
          clicks++;
          const grew = await page
            .waitForFunction((n) => document.getElementsByTagName('*').length !== n, before, {
              timeout: Math.min(stepTimeoutMs, remaining()),
            })
            .then(
              () => true,
              () => false,
            );
          await settle(() => inflight, deadline);
          // The button is still there but a click added nothing: the list may be longer than we see.
          if (!grew) {
            complete = false;
            break;
          }
        }
      }

      let scrolls = 0;
      if (pageOptions.scroll) {
        const maxScrolls = Math.min(200, pageOptions.maxScrolls ?? 20);
        for (;;) {
          const height = await page.evaluate(() => document.body.scrollHeight);
          if (scrolls >= maxScrolls || Date.now() >= deadline) {
            complete = false;
            break;
          }
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          scrolls++;
          await page
            .waitForFunction((h) => document.body.scrollHeight > h, height, {
              timeout: Math.min(2000, remaining()),
            })
            .catch(() => undefined);
          await settle(() => inflight, deadline);
          if ((await page.evaluate(() => document.body.scrollHeight)) <= height) break;
        }
      }

      const body = await page.content();
      const result: RenderedPage = {
        url: page.url(),
        requestedUrl: requested.href,
        status: response?.status() ?? null,
        contentType: (await response?.headerValue('content-type')) ?? null,
        body,
        clicks,
        scrolls,
        complete,
        refusedRequests,
        durationMs: Date.now() - started,
      };
      logger.debug(
        { url: redactUrl(result.url), clicks, scrolls, complete, ms: result.durationMs },
        'rendered',
      );
      return result;
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  return {
    async renderPage(url, pageOptions = {}) {
      const requested = parseTargetUrl(url);
      // Refuse before starting a browser when the name already resolves somewhere forbidden.
      await checkTarget(requested.href);
      const task = () => render(requested, pageOptions);
      try {
        return await (options.withHostSlot ? options.withHostSlot(requested.href, task) : task());
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw new RetryLaterError(
          requested.href,
          'render-failed',
          `rendering failed: ${(error as Error).message}`,
          undefined,
          {
            cause: error,
          },
        );
      }
    },
    async close() {
      const launched = browser;
      browser = undefined;
      if (launched) await launched.then((b) => b.close()).catch(() => undefined);
      await dispatcher.close();
    },
  };
}

/** A renderer that shares a fetcher's safety policy, User-Agent, robots.txt cache and per-host pacing. */
export function createRendererForFetcher(
  fetcher: Fetcher,
  options: Omit<RendererOptions, 'userAgent' | 'policy' | 'assertAllowed' | 'withHostSlot'> = {},
): Renderer {
  return createRenderer({
    ...options,
    userAgent: fetcher.userAgent,
    policy: fetcher.policy,
    assertAllowed: (url) => fetcher.assertAllowedByRobots(url),
    withHostSlot: (url, task) => fetcher.withHostSlot(url, task),
  });
}

/** Renderer settings from the instance configuration (CHROMIUM_PATH, limits). */
export function rendererOptionsFromConfig(
  config: HarvestConfig,
): Pick<RendererOptions, 'executablePath' | 'timeoutMs' | 'maxBodyBytes'> {
  // A rendered page loads its scripts and data too, and may be clicked: twice a single request's time.
  return {
    executablePath: config.chromiumPath,
    timeoutMs: config.timeoutMs * 2,
    maxBodyBytes: config.maxBodyBytes,
  };
}

/** One page, one browser: convenient for previews; a run should keep one renderer. */
export async function renderPage(
  url: string,
  options: RenderPageOptions & RendererOptions,
): Promise<RenderedPage> {
  const renderer = createRenderer(options);
  try {
    return await renderer.renderPage(url, options);
  } finally {
    await renderer.close();
  }
}
