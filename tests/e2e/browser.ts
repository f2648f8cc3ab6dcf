/**
 * Shared set-up for browser tests: a production build served on loopback, and one Debian
 * Chromium driven by playwright-core (both started once, by globalSetup.ts). Where no Chromium is installed the tests are skipped with a plain
 * message, unless CAREPLAY_REQUIRE_BROWSER=1 (set by .ci/run), which makes that a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Download,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

import { CHROME_PATH, LAUNCH_ARGS } from '../../src/cli/chromium';
import { CHANNEL, type Command } from '../../src/trainer/protocol';

export { CHROME_PATH, LAUNCH_ARGS };
export const BROWSER_AVAILABLE = existsSync(CHROME_PATH);
export const SCREENSHOT_DIR = 'tests/output/screenshots';
/** The built Phaser chunk: the room's code, which the menu never waits for. */
export const PHASER = /\/assets\/phaser-[^/]*\.js$/;

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
function blockingWorkers(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/** A Chromium of this file's own (for a test that needs other flags). */
export async function launchBrowser(): Promise<Browser> {
  return blockingWorkers(
    await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: LAUNCH_ARGS }),
  );
}

/** The Chromium every browser test file shares, started once by globalSetup.ts. */
export async function sharedBrowser(): Promise<Browser> {
  return blockingWorkers(await chromium.connect(inject('browserEndpoint')));
}

/** The built app, served once by globalSetup.ts, e.g. http://127.0.0.1:4173/ */
export function appUrl(): string {
  return inject('appUrl');
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
  page.on('requestfailed', (req) => {
    // A request cut short because the page navigated away (a reload while Phaser or another
    // chunk was still loading behind the menu) is not a failure of the app.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    watch.failedRequests.push(`failed ${req.url()}`);
  });
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
    const base = appUrl();
    browser = await sharedBrowser();
    onReady({ browser, base, url: `${base}?renderer=canvas`, origin: base.replace(/\/$/, '') });
  });
  afterAll(async () => {
    // Disconnects this file; the shared Chromium goes on for the others.
    await browser?.close();
  });
}

/** The menu is on screen (its CarePlay heading), however long the first load takes. */
export function menuShown(page: Page): Promise<void> {
  return page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
}

/**
 * A page of its own (a new context, reduced motion unless asked otherwise) on the app's menu,
 * watched for console errors and requests that fail or go elsewhere.
 */
export async function openMenu(
  app: Pick<BrowserApp, 'browser' | 'url' | 'origin'>,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await app.browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const watch = watchPage(page, app.origin);
  await page.goto(app.url);
  await menuShown(page);
  return { context, page, watch };
}

/** No console errors, no failed requests, nothing asked of another origin. */
export function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.failedRequests).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** Two animation frames: whatever a key or a resize changed has been laid out and painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Press a key that moves the conversation on, then wait until what the learner sees changes
 * (the line, the choices, a dialog, the screen) — a condition, never a fixed pause. Two seconds
 * at most: a key that changes nothing (the end of a line already shown) is not an error here;
 * the caller's own checks say what should have happened.
 */
export async function pressAndWait(page: Page, key: string): Promise<void> {
  const seen = () => {
    const main = document.querySelector('main');
    return `${main?.id ?? ''}|${main?.textContent ?? ''}|${document.querySelectorAll('dialog[open], [role="dialog"]').length}`;
  };
  const before = await page.evaluate(seen);
  await page.keyboard.press(key);
  await page
    .waitForFunction(`(${seen.toString()})() !== ${JSON.stringify(before)}`, undefined, { timeout: 2000 })
    .catch(() => undefined);
}

/** Where a download is saved: the shared Chromium is remote, so a download is copied here. */
export async function savedDownload(download: Download, name: string): Promise<string> {
  const path = `${SCREENSHOT_DIR}/../downloads/${name}`;
  mkdirSync(`${SCREENSHOT_DIR}/../downloads`, { recursive: true });
  await download.saveAs(path);
  return path;
}

/** Send commands to the class's screen, as the presenter window does (its BroadcastChannel). */
export async function sendCommands(page: Page, commands: Command[]): Promise<void> {
  await page.evaluate(
    ([channel, list]) => {
      const out = new BroadcastChannel(channel);
      for (const command of list) out.postMessage({ kind: 'command', command });
      out.close();
    },
    [CHANNEL, commands] as const,
  );
}
