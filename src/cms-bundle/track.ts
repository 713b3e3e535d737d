/**
 * Which files a Vite build was made from, for the admin bundle's cache key (`manifest.ts`):
 * every module Rolldown loaded, every file a plugin declared with `addWatchFile` (what a
 * stylesheet `@import`s, the project's package.json) and every asset's source. Rolldown does not
 * list the watched files after a build, so the plugins' hooks are handed a context that notes
 * each `addWatchFile` call before passing it on; nothing else changes.
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

export function trackInputs(seen: Set<string>): Plugin {
  return {
    name: 'relais:track-inputs',
    configResolved(config) {
      for (const plugin of config.plugins)
        for (const name of observed) observe(plugin as unknown as Record<string, Hook | undefined>, name, seen);
    },
    generateBundle(_options, bundle) {
      for (const id of this.getModuleIds()) seen.add(id);
      for (const file of Object.values(bundle))
        if (file.type === 'asset') for (const id of file.originalFileNames) seen.add(id);
    },
  };
}

/** The project's files among `ids`, relative to `root` with `/`, sorted: no virtual module, no query, no node_modules. */
export function projectFiles(root: string, ids: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const id of ids) {
    if (id.startsWith('\0')) continue;
    const path = resolve(root, id.split('?')[0] ?? id);
    if (path.split(sep).includes('node_modules') || !isFile(path)) continue;
    files.add(relative(root, path).split(sep).join('/'));
  }
  return [...files].sort();
}

/** The hooks in which Vite's plugins call `addWatchFile`. */
const observed = ['buildStart', 'resolveId', 'load', 'transform'] as const;

type Handler = (this: object | undefined, ...args: unknown[]) => unknown;
type Hook = Handler | { handler: Handler };

function observe(plugin: Record<string, Hook | undefined>, name: string, seen: Set<string>): void {
  const hook = plugin[name];
  if (!hook) return;
  const original = typeof hook === 'function' ? hook : hook.handler;
  const wrapped: Handler = function (...args) {
    return original.apply(this ? recording(this, seen) : this, args);
  };
  if (typeof hook === 'function') plugin[name] = wrapped;
  else hook.handler = wrapped;
}

/** `context` with `addWatchFile` noted in `seen`; its other methods stay bound to the real context. */
function recording(context: object, seen: Set<string>): object {
  return new Proxy(context, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key !== 'addWatchFile') return value.bind(target);
      return (id: string) => {
        seen.add(id);
        return value.call(target, id);
      };
    },
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
