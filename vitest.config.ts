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
          // A browser on a loaded machine can take seconds to run a click's script: polls wait for
          // an outcome up to 15 s (the 1 s default failed under load), and still fail if it never comes.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
