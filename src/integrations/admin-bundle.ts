/**
 * Decap CMS's browser bundle (`admin/cms.ts`, ~5 MB of JavaScript) is made outside Astro's client
 * build and cached (`src/cms-bundle/`, docs/cms.md): a build where nothing the admin is made from
 * changed reuses it in tens of milliseconds instead of bundling Decap again (~4 s of every build).
 *
 * - `astro build`: the bundle is looked up (or built, in a child process, beside Astro's own work)
 *   from `astro:config:setup`; `src/pages/admin/index.astro` reads its entry's URL from
 *   `virtual:relais/admin-bundle` (which waits for the bundle) and loads it with a plain
 *   `<script type="module" src>`, allowed by the page's `script-src 'self'`; `astro:build:done`
 *   copies the files to `dist/_astro/admin/`.
 * - `astro dev`: the same files are served from the cache (`src/cms-bundle/serve.ts`).
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { type AdminBundle, type AdminBundleOptions, describeBundle, ensureBundle } from '../cms-bundle/cache.ts';
import { devScript, serveBundle } from '../cms-bundle/serve.ts';

const virtualId = 'virtual:relais/admin-bundle';

export default function relaisAdmin(): AstroIntegration {
  let options: AdminBundleOptions;
  let bundle: Promise<AdminBundle> | undefined;
  /** Where the files go, from the base path: `_astro/admin/`. */
  let folder = '';
  let base = '/';
  return {
    name: 'relais:admin',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const cacheDir = resolve(root, process.env.RELAIS_ADMIN_CACHE ?? '.relais/admin-cache');
        options = { root, entry: 'admin/cms.ts', cacheDir };
        folder = `${config.build.assets}/admin/`;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (command === 'build') {
          bundle = ensureBundle(options);
          // Reported here; a failure is reported by whoever awaits it (the page, build:done).
          bundle.then(
            (done) => logger.info(describeBundle(done)),
            () => undefined,
          );
        }
        // The URL is made from the config's base, not `import.meta.env.BASE_URL`, which a
        // `BASE_URL` in the environment overrides when pages render (a build run from Vitest).
        const script = async () => `${base}${folder}${bundle ? (await bundle).script : devScript}`;
        updateConfig({ vite: { plugins: [scriptModule(script)] } });
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(serveBundle(`${base}${folder}`, options, (line) => logger.info(line)));
      },
      'astro:build:done': async ({ dir }) => {
        if (!bundle) return;
        const { dir: files } = await bundle;
        cpSync(files, join(fileURLToPath(dir), folder), { recursive: true });
      },
    },
  };
}

/** `import { script } from 'virtual:relais/admin-bundle'`: the entry's URL path, base path included. */
function scriptModule(script: () => Promise<string>): Plugin {
  return {
    name: 'relais:admin-script',
    resolveId: (id) => (id === virtualId ? `\0${virtualId}` : undefined),
    load: async (id) =>
      id === `\0${virtualId}` ? `export const script = ${JSON.stringify(await script())};` : undefined,
  };
}
