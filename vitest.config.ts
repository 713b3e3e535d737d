import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, no build) and `site` (builds the sample hub once under the base
 * path `/hub/`, then checks the output and drives Chromium against it). `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // Timeouts catch hangs, not slowness (speed is the benchmarks' job): a loaded CI machine
        // must not fail a test that loops over many real ingestions.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
