import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a built page ships: every `<script src>` and inline script of its HTML,
 * plus every module those import, statically or dynamically (a dynamic import is still code
 * the page can fetch), followed transitively. Returns bytes gzipped, file by file.
 */
export function pageJs(dist: string, base: string, htmlFile: string): { files: Map<string, number>; gzip: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Map<string, number>();
  let inline = 0;
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) queue.push(toFile(dist, base, src));
    else if (!/type="application\/(ld\+)?json"/.test(attrs) && m[2]?.trim()) {
      inline += gzipSync(m[2]).length;
      for (const spec of imports(m[2])) queue.push(toFile(dist, base, spec));
    }
  }
  while (queue.length) {
    const file = queue.shift() as string;
    if (files.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    files.set(file, gzipSync(code).length);
    for (const spec of imports(code))
      queue.push(spec.startsWith('.') ? resolve(dirname(file), spec) : toFile(dist, base, spec));
  }
  return { files, gzip: inline + [...files.values()].reduce((a, b) => a + b, 0) };
}

/** Module specifiers of static and dynamic imports (bundled output: string literals only). */
function imports(code: string): string[] {
  // Bundlers write dynamic imports with backticks too (import(`./chunk.js`)).
  const specs = [
    ...code.matchAll(/(?:\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bimport\s*\()\s*["'`]([^"'`]+\.js)["'`]/g),
  ].map((m) => m[1] ?? '');
  return specs.filter((s) => s.startsWith('.') || s.startsWith('/'));
}

function toFile(dist: string, base: string, src: string): string {
  const path = src.startsWith(base) ? src.slice(base.length) : src.replace(/^\//, '');
  return join(dist, path.split('?')[0] ?? '');
}
