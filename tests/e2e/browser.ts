/**
 * Shared set-up for browser tests: a production build served on loopback, and Debian's Chromium
 * driven by playwright-core. Where no Chromium is installed the tests are skipped with a plain
 * message, unless CAREPLAY_REQUIRE_BROWSER=1 (set by .ci/run), which makes that a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

import { CHROME_PATH, LAUNCH_ARGS } from '../../src/cli/chromium';

export { CHROME_PATH, LAUNCH_ARGS };
export const BROWSER_AVAILABLE = existsSync(CHROME_PATH);
export const SCREENSHOT_DIR = 'tests/output/screenshots';

if (!BROWSER_AVAILABLE) {
  const message = `No Chromium at ${CHROME_PATH}: browser tests are skipped. Install one with "apt-get install chromium" or set CHROME_PATH.`;
  if (process.env.CAREPLAY_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(message);
}

/**
 * One Chromium. Its pages run without the offline app's service worker unless a test asks for it
 * (`serviceWorkers: 'allow'`): most tests check what the page itself loads and when (sounds only
 * once a conversation starts, nothing from elsewhere), which a worker filling its cache in the
 * background would blur. tests/e2e/package.test.ts installs and uses the worker.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: LAUNCH_ARGS });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

let serverPromise: Promise<{ server: PreviewServer; url: string }> | undefined;

/** Serve dist/ (built once by globalSetup.ts) on 127.0.0.1 with a free port. */
export function startApp(): Promise<{ server: PreviewServer; url: string }> {
  serverPromise ??= (async () => {
    const server = await preview({
      logLevel: 'warn',
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    const address = server.httpServer.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${address.port}/` };
  })();
  return serverPromise;
}

export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
  failedRequests: string[];
}

/** Record console errors, page errors, failed requests and any request to another origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { errors: [], foreignRequests: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.errors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.errors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      watch.foreignRequests.push(url);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) watch.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => watch.failedRequests.push(`failed ${req.url()}`));
  return watch;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}/${name}.png`;
}

export interface BrowserApp {
  browser: Browser;
  /** The served app's address, e.g. http://127.0.0.1:4173/ */
  base: string;
  /** The app with the Canvas renderer, for a quiet console. */
  url: string;
  /** For telling same-origin requests from any other. */
  origin: string;
}

/** The set-up every browser test file shares: the built app served, and one Chromium. */
export function useBrowserApp(onReady: (app: BrowserApp) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const app = await startApp();
    browser = await launchBrowser();
    onReady({
      browser,
      base: app.url,
      url: `${app.url}?renderer=canvas`,
      origin: app.url.replace(/\/$/, ''),
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
}
