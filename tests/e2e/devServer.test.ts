/** `npm run dev` is what a newcomer runs first: the dev server must serve a working app too. */
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, sharedBrowser, watchPage } from './browser';

describe.skipIf(!BROWSER_AVAILABLE)('npm run dev', () => {
  let server: ViteDevServer;
  let url: string;

  beforeAll(async () => {
    server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the menu and opens a scenario, with no errors', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, url.replace(/\/$/, ''));
    // The first request makes the dev server pre-bundle its dependencies: slow on a busy machine.
    await page.goto(`${url}?renderer=canvas`, { timeout: 90_000 });
    await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Start' }).first().click();
    await page.getByRole('region', { name: 'What is said' }).waitFor({ timeout: 60_000 });
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await browser.close();
  }, 180_000);
});
