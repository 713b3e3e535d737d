/**
 * `astro dev`: serves the cached admin bundle under `<base>_astro/admin/`, as the build copies it.
 * The page asks for the entry under a fixed name (`cms.js`); each request for it checks the
 * cache and rebuilds the bundle if one of its inputs changed (the first can take a few seconds),
 * so reloading `/admin/` after an edit under `admin/` shows the edit. Nothing is cached by the
 * browser.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Connect } from 'vite';
import { type AdminBundle, type AdminBundleOptions, describeBundle, ensureBundle } from './cache.ts';

/** The entry's name in development (the build uses its hashed name). */
export const devScript = 'cms.js';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** A Connect middleware for the files under `prefix` (`/_astro/admin/`, base path included). */
export function serveBundle(
  prefix: string,
  options: AdminBundleOptions,
  log: (line: string) => void,
): Connect.NextHandleFunction {
  let current: AdminBundle | undefined;
  let pending: Promise<AdminBundle> | undefined;
  // Requests arriving during a check or a bundling share it.
  const refresh = () => {
    pending ??= ensureBundle(options)
      .then((bundle) => {
        if (bundle.status === 'built' || !current) log(describeBundle(bundle));
        current = bundle;
        return bundle;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return async (req, res, next) => {
    // Astro's dev server strips the base path from `url` before this runs; Connect keeps the original.
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return next();
    try {
      const name = decodeURIComponent(path.slice(prefix.length));
      const bundle = name === devScript || !current ? await refresh() : current;
      const file = join(bundle.dir, name === devScript ? bundle.script : name);
      if (name.includes('..') || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
      res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
      res.setHeader('cache-control', 'no-store');
      res.end(readFileSync(file));
    } catch (error) {
      next(error);
    }
  };
}
