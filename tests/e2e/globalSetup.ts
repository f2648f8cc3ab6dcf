/**
 * Build the app once for all browser tests (test files run in parallel workers; each building
 * into dist/ at the same time would race). Skipped where no browser tests can run.
 */
import { existsSync } from 'node:fs';
import { build } from 'vite';

export default async function setup() {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) return;
  await build({ logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
}
