/**
 * Issue 18: the ways CarePlay is handed to someone, in real Chromium. The single file opened
 * from file:// with every network request refused; the static site from a sub-folder, installed
 * as an offline app, played with the network off, and offering (not forcing) a new version.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSingleFile } from '../../src/package/artefacts';
import { BROWSER_AVAILABLE, launchBrowser, screenshotPath } from './browser';
import { startServer, type StaticServer } from './staticServer';

const GIFT = 'A thank-you at the end of the shift';
const MB = 1024 * 1024;

const menu = (page: Page) =>
  page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 30_000 });

/** Start the gift scenario and take the first option at each decision, to the debrief. */
export async function playGift(page: Page, options: { stopAfterChoices?: number } = {}): Promise<void> {
  await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
  await page.getByRole('region', { name: 'What is said' }).waitFor();
  let chosen = 0;
  for (let guard = 0; guard < 200; guard++) {
    if (await page.getByRole('button', { name: 'See how it went' }).count()) break;
    const list = page.getByRole('list', { name: 'What do you say?' });
    if (await list.isVisible().catch(() => false)) {
      if (chosen === options.stopAfterChoices) return;
      await page.keyboard.press('1');
      chosen++;
    } else await page.keyboard.press('Enter');
    await page.waitForTimeout(40);
  }
  await page.getByRole('button', { name: 'See how it went' }).click();
  await page.getByRole('heading', { name: 'How you did' }).waitFor();
}

/** Every console error and page error, and every request that went anywhere. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe.skipIf(!BROWSER_AVAILABLE)('packages in Chromium', () => {
  let browser: Browser;
  let singleFile: string;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the single file: under 3 MB, opens from file:// and plays to the debrief with the network refused', async () => {
    singleFile = resolve(await buildSingleFile('tests/output/single'));
    const size = statSync(singleFile).size;
    console.log(`single file: ${(size / MB).toFixed(2)} MB`);
    expect(size).toBeLessThan(3 * MB);
    const html = readFileSync(singleFile, 'utf8');
    // Nothing is fetched from elsewhere, or even from beside it.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/);

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const asked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      asked.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${pathToFileURL(singleFile).href}?renderer=canvas`);
    await menu(page);
    await playGift(page);
    // Progress is kept from file:// too: the attempt is on the card after a reload.
    await page.reload();
    await menu(page);
    expect(await page.getByRole('article', { name: GIFT }).innerText()).toMatch(/1 attempt\./);

    // The presenter window opens from the same file and follows the class session.
    await page.keyboard.press('p');
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    await page
      .getByRole('dialog', { name: /Before the class starts/ })
      .getByRole('button', { name: 'Begin' })
      .click();
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
    await presenter.getByRole('complementary', { name: 'Trainer panel' }).waitFor({ timeout: 20_000 });
    expect(presenter.url()).toMatch(/^file:.*\?presenter=1/);
    expect(await presenter.getByRole('complementary', { name: 'Trainer panel' }).innerText()).toMatch(
      /thank-you|Decision|Trainer/i,
    );
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the site from a sub-folder: installs as an offline app, plays with the network off, and offers an update', async () => {
    let offline = false;
    const site: StaticServer = await startServer({ '/training/careplay/': resolve('dist') }, (req, res) => {
      if (!offline) return false;
      res.destroy();
      return true;
    });
    const base = `${site.url}/training/careplay/`;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      serviceWorkers: 'allow',
    });
    const foreign: string[] = [];
    context.on(
      'request',
      (r) => void (!r.url().startsWith(site.url) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url())),
    );
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${base}?renderer=canvas`);
    await menu(page);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!;
      return (await fetch(link.href)).json();
    });
    expect(manifest).toMatchObject({ name: 'CarePlay', display: 'standalone', start_url: '.' });
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);
    // The worker installs with every file cached, then controls the page from the next load.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(base);
    await page.reload();
    await menu(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The network off, and the server refusing everything: CarePlay still starts and plays.
    offline = true;
    await context.setOffline(true);
    await page.reload();
    await menu(page);
    await playGift(page);
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await menu(page);

    // A new version: offered in a banner, never switched in under the learner mid-scenario.
    offline = false;
    await context.setOffline(false);
    site.rewrite = (path, text) => (path.endsWith('/sw.js') ? `${text}\n// a new version\n` : text);
    await playGift(page, { stopAfterChoices: 1 });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of CarePlay is ready' });
    await banner.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('package-update-offer') });
    // Nothing changed while it waits: the learner is still at the same decision.
    expect(await page.getByRole('list', { name: 'What do you say?' }).isVisible()).toBe(true);
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await menu(page);
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('dialog', { name: 'Carry on where you left off?' }).waitFor();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    await site.close();
  }, 150_000);
});
