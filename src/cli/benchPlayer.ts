/**
 * The player's part of `npm run bench`: bundle size, time from navigation to an interactive menu
 * as a ratio against a bare stock-Phaser page measured in the same run, and the longest frame
 * during a scripted playthrough. Medians of several runs; ratios within one run, because shared
 * machines are noisy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROME_PATH, LAUNCH_ARGS } from './chromium';

const CHROME = CHROME_PATH;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The entry chunk and every chunk it imports statically: what a first visit must download. */
function initialJs(dist: string): { files: string[]; gzip: number; raw: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*src="\/([^"]+)"/)![1]!;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import ... from "./x.js"` and bare `import "./x.js"`, not import().
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      visit(join(file, '..', m[1]!));
    }
  };
  visit(entry);
  let gzip = 0;
  let raw = 0;
  for (const f of seen) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...seen], gzip, raw };
}

async function serve(root: string, configFile: string | false, outDir: string) {
  await build({ root, configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    configFile,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return { server, url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/` };
}

export async function benchPlayer(): Promise<void> {
  if (!existsSync(CHROME)) {
    console.log(`Player: skipped (no Chromium at ${CHROME}; apt-get install chromium).`);
    return;
  }
  const app = await serve(process.cwd(), join(process.cwd(), 'vite.config.ts'), 'dist');
  const stock = await serve(
    join(process.cwd(), 'tests/bench/stock-phaser'),
    false,
    join(process.cwd(), 'tests/output/stock-phaser'),
  );

  const js = initialJs('dist');
  const allJs = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  const totalGzip = allJs.reduce(
    (n, f) => n + gzipSync(readFileSync(join('dist/assets', f)), { level: 9 }).length,
    0,
  );
  const stockGzip = readdirSync('tests/output/stock-phaser/assets')
    .filter((f) => f.endsWith('.js'))
    .reduce(
      (n, f) => n + gzipSync(readFileSync(join('tests/output/stock-phaser/assets', f)), { level: 9 }).length,
      0,
    );
  console.log('Player bundle');
  console.log(
    `  initial JavaScript (entry + static imports, ${js.files.length} files): ${kb(js.gzip)} gzipped (${kb(js.raw)} raw); budget 250 KB`,
  );
  console.log(
    `  all JavaScript, including chunks loaded on demand: ${kb(totalGzip)} gzipped in ${allJs.length} files`,
  );
  console.log(`  stock Phaser baseline page: ${kb(stockGzip)} gzipped`);

  const browser = await chromium.launch({
    executablePath: CHROME,
    args: LAUNCH_ARGS,
  });
  const timeToReady = async (url: string) => {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('ready').length > 0, undefined, {
      timeout: 30_000,
    });
    const t = await page.evaluate(() => performance.getEntriesByName('ready')[0]!.startTime);
    await context.close();
    return t;
  };
  const appTimes: number[] = [];
  const stockTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so drift in the machine's load affects both alike.
    stockTimes.push(await timeToReady(stock.url));
    appTimes.push(await timeToReady(`${app.url}?renderer=canvas`));
  }
  console.log('Time from navigation to an interactive menu (Canvas renderer, 1600×900, cold context)');
  console.log(
    `  CarePlay menu: median ${median(appTimes).toFixed(0)} ms; stock Phaser bare page: median ${median(stockTimes).toFixed(0)} ms; ratio ×${(median(appTimes) / median(stockTimes)).toFixed(2)} (${RUNS} runs each)`,
  );

  // Longest frame during a scripted playthrough of the demo scenario.
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${app.url}?renderer=canvas`);
  await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor();
  // Scripts are passed as strings: functions compiled by tsx carry helpers the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page
    .getByRole('article', { name: 'A thank-you at the end of the shift' })
    .getByRole('button', { name: 'Start' })
    .click();
  for (let i = 0; i < 60 && !(await page.getByRole('heading', { name: 'How you did' }).count()); i++) {
    const choices = page.getByRole('list', { name: 'What do you say?' });
    if (await choices.isVisible().catch(() => false)) await page.keyboard.press('1');
    else await page.keyboard.press('Enter');
    await page.waitForTimeout(120);
  }
  const frames = (await page.evaluate('window.__frames.slice(5)')) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  console.log('Frames during a scripted playthrough of the demo scenario');
  console.log(
    `  ${frames.length} frames: median ${median(frames).toFixed(1)} ms, 99th percentile ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(1)} ms, longest ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
  );
  await context.close();
  await browser.close();
  await app.server.close();
  await stock.server.close();
}
