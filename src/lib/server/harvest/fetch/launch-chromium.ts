import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { StopSourceError } from './fetch-errors.ts';

/** Debian's Chromium; Playwright cannot download its own browser on these machines. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium keeps calling Google services; the WebRTC
 * policy keeps a page from opening UDP paths around our request checks. Every request a page
 * makes is served by our route handler; the proxy is a closed local port, so anything Chromium
 * would send on its own (a request that escapes interception, a preconnect) goes nowhere.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

function missing(url: string, executablePath: string): StopSourceError {
  return new StopSourceError(
    url,
    'chromium-missing',
    `Chromium was not found at ${executablePath}; JavaScript-rendered sources need it. ` +
      'On Debian or Ubuntu install it with `apt-get install chromium` (as root), or set CHROMIUM_PATH.',
  );
}

// Loaded at run time only, and hidden from the bundler: the web server's build must not bundle
// playwright-core (its module start-up reads __dirname, which the server's ES bundle has not).
const PLAYWRIGHT = 'playwright-core';

async function loadPlaywright(forUrl: string): Promise<typeof import('playwright-core')> {
  try {
    return (await import(/* @vite-ignore */ PLAYWRIGHT)) as typeof import('playwright-core');
  } catch (error) {
    throw new StopSourceError(
      forUrl,
      'chromium-missing',
      'JavaScript-rendered sources need the npm package playwright-core: run `npm install playwright-core`.',
      { cause: error },
    );
  }
}

/** Launches headless Chromium; a missing browser stops the source with the package to install. */
export async function launchChromium(executablePath: string, forUrl: string): Promise<Browser> {
  if (!existsSync(executablePath)) throw missing(forUrl, executablePath);
  const { chromium } = await loadPlaywright(forUrl);
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
  } catch (error) {
    if (/ENOENT|doesn't exist|not found/i.test(String(error))) throw missing(forUrl, executablePath);
    throw new StopSourceError(
      forUrl,
      'chromium-missing',
      `Chromium at ${executablePath} did not start: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}
