/**
 * Once for all browser test files: build the app, serve dist/ on loopback, and start one Chromium
 * that every file connects to (test files run in parallel workers; each building into dist/ at
 * the same time would race, and a Chromium per file costs seconds each on a small machine).
 * Skipped where no browser tests can run.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROME_PATH, LAUNCH_ARGS } from '../../src/cli/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served app, e.g. http://127.0.0.1:4173/ ('' where no browser tests run). */
    appUrl: string;
    /** Where the shared Chromium listens ('' where no browser tests run). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide('appUrl', '');
  project.provide('browserEndpoint', '');
  if (!existsSync(CHROME_PATH)) return;
  await build({ logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  const browser = await chromium.launchServer({
    executablePath: CHROME_PATH,
    headless: true,
    args: LAUNCH_ARGS,
  });
  project.provide('appUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
