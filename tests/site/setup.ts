import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { root, testBase, testDist, testNow } from '../lib/paths.ts';

/**
 * Builds the sample hub once for the whole `site` project, exactly as `npm run build` does
 * (dashboards, Astro, Pagefind), under the base path `/hub/` and a pinned "now".
 * `RELAIS_TEST_REUSE=1` reuses an existing test build while iterating on tests.
 */
export default function setup() {
  if (process.env.RELAIS_TEST_REUSE && existsSync(`${testDist}index.html`)) return;
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, RELAIS_BASE: testBase, RELAIS_OUT: testDist, RELAIS_NOW: testNow },
  });
}
