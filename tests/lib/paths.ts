import { fileURLToPath } from 'node:url';

/** Project root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));
/** Where the test build of the sample hub goes (under the base path `/hub/`). */
export const testDist = `${root}.relais/test-dist/`;
/** The base path the tests build under, to catch links that ignore it. */
export const testBase = '/hub/';
/** The "now" the test build is pinned to. */
export const testNow = '2026-11-22T10:00:00+01:00';
