import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` (engine, CLI, app records, audio logic, art geometry) needs no build and
 * no browser: `npx vitest run --project unit` is the quick loop. `browser` builds the app once,
 * serves it and starts one Chromium for every browser test file (tests/e2e/globalSetup.ts).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summaryReporter.ts'],
    // Vitest's default on a 2-core machine is one worker: every file in turn. Browser files spend
    // most of their time waiting on Chromium (its own processes: a frame, a page load, a round
    // trip), so more workers overlap those waits. Issue 16, on the project's shared 2-core
    // machine: a browser file's processes used about half a core while it ran, and five browser
    // files took 363 s with three workers against 413 s with two (the same CPU time, 323 s), with
    // no file slower. Unit files are short and CPU-bound: three on two cores costs them little.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // A poll passes as soon as its condition holds, so a longer limit costs a passing run
          // nothing; Vitest's 1 s default failed a class session on a loaded machine (issue 16)
          // where the page took longer than that to move on.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
