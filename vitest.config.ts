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
    // much of their time waiting on Chromium (its own processes), so two workers overlap that wait
    // with other files' work. Not three (issue 16): the browser project as a whole is bound by the
    // processor, about 1,000 CPU-seconds (over half of it Chromium's renderers), so on two cores a
    // third worker only stretched every file (744 s against 716 s with two, on the same loaded
    // machine), though it had helped a subset of five files (363 s against 413 s).
    maxWorkers: 2,
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
