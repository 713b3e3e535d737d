/**
 * The environment for an Astro build started from another process. Vite and Vitest publish
 * their `import.meta.env` values into `process.env` (`BASE_URL`, `MODE`, …), and a build
 * started from a test inherits them: `BASE_URL=/` then wins over the configured base path in
 * every page. They are removed; `extra` comes last.
 */
const viteKeys = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of viteKeys) delete env[key];
  return { ...env, ...extra };
}
