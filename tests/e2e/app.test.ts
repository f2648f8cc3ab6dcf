import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, BROWSER_AVAILABLE, screenshotPath, sharedBrowser, watchPage } from './browser';

describe.skipIf(!BROWSER_AVAILABLE)('the app in Chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    url = appUrl();
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors, no 404 (favicon included) and no request to another origin', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const watch = watchPage(page, url.replace(/\/$/, ''));
    await page.goto(`${url}?renderer=canvas`, { waitUntil: 'networkidle' });
    // The menu appears once the preloader has the fonts: wait for it rather than race it.
    await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    const favicon = await page.evaluate(async () => (await fetch('/favicon.svg')).status);
    expect(favicon).toBe(200);
    await page.screenshot({ path: screenshotPath('start-1024x768') });
    expect(watch.errors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});
