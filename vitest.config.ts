import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    reporters: ['default', './tests/summaryReporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
