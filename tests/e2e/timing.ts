/**
 * TEMPORARY instrumentation (issue 16): with CAREPLAY_E2E_TIMING=<dir>, time the outermost
 * Playwright calls of each browser test file by kind, and write one JSON per file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';

const DIR = process.env.CAREPLAY_E2E_TIMING;
export const TIMING = !!DIR;

const totals = new Map<string, { n: number; ms: number }>();
let depth = 0;
let patched = false;
const SKIP = new Set([
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'emit',
  'listeners',
  'listenerCount',
  'waitForEvent',
  'prependListener',
  'setMaxListeners',
  'toString',
  'locator',
  'getByRole',
  'getByText',
  'getByLabel',
  'filter',
  'first',
  'last',
  'nth',
  'mainFrame',
  'frames',
  'context',
  'url',
  'viewportSize',
  'isClosed',
  'pages',
  'browser',
]);
export const counters = { pressTimeouts: 0, pressTimeoutMs: 0, presses: 0, pressMs: 0 };

export function add(kind: string, ms: number) {
  const t = totals.get(kind) ?? { n: 0, ms: 0 };
  t.n++;
  t.ms += ms;
  totals.set(kind, t);
}

function wrap(proto: Record<string, unknown>, cls: string, names: string[]) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || typeof d.value !== 'function' || SKIP.has(name)) continue;
    const orig = d.value as (...a: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const outer = depth === 0;
      depth++;
      const t0 = performance.now();
      let result: unknown;
      try {
        result = orig.apply(this, args);
      } catch (e) {
        depth--;
        throw e;
      }
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).finally(() => {
          depth--;
          if (outer) add(`${cls}.${name}`, performance.now() - t0);
        });
      }
      depth--;
      return result;
    };
  }
}

export async function instrument(browser: Browser) {
  if (!TIMING || patched) return;
  patched = true;
  const context = await browser.newContext();
  const page = await context.newPage();
  const asyncNames = (o: object) =>
    Object.getOwnPropertyNames(o).filter((n) => n !== 'constructor' && !n.startsWith('_'));
  const protos: [object, string][] = [
    [Object.getPrototypeOf(page), 'Page'],
    [Object.getPrototypeOf(page.locator('body')), 'Locator'],
    [Object.getPrototypeOf(page.keyboard), 'Keyboard'],
    [Object.getPrototypeOf(page.mainFrame()), 'Frame'],
    [Object.getPrototypeOf(context), 'Context'],
    [Object.getPrototypeOf(await page.evaluateHandle(() => 1)), 'Handle'],
  ];
  await context.close();
  for (const [proto, cls] of protos) wrap(proto as Record<string, unknown>, cls, asyncNames(proto));
  const b = Object.getPrototypeOf(browser) as Record<string, unknown>;
  wrap(b, 'Browser', ['newContext', 'newPage']);
  const poll = expect.poll;
  expect.poll = ((fn: () => unknown, options?: unknown) => {
    const t0 = performance.now();
    const chain = poll(fn as never, options as never);
    return new Proxy(chain, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          const r = (v as (...a: unknown[]) => unknown).apply(target, args);
          if (r && typeof (r as Promise<unknown>).then === 'function')
            return (r as Promise<unknown>).finally(() => add('expect.poll', performance.now() - t0));
          return r;
        };
      },
    });
  }) as typeof expect.poll;
}

export function report(file: string, wallMs: number) {
  if (!TIMING) return;
  mkdirSync(DIR!, { recursive: true });
  const rows = [...totals.entries()]
    .map(([k, v]) => ({ kind: k, n: v.n, ms: Math.round(v.ms) }))
    .sort((a, b) => b.ms - a.ms);
  writeFileSync(
    `${DIR}/${basename(file)}.json`,
    JSON.stringify({ file: basename(file), wallMs: Math.round(wallMs), counters, rows }, null, 1),
  );
}
