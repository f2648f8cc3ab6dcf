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
    // with other files' work.
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
        },
      },
    ],
  },
});
