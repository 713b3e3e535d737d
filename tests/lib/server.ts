import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { testBase, testDist } from './paths.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.vtt': 'text/vtt',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/**
 * A static server for the test build on a free loopback port, serving `dist` under the base
 * path like the production nginx does: directory → index.html, the site's 404 page otherwise,
 * and byte ranges (without them Chromium cannot seek in a video, and chapter links fail).
 * `headers` adds response headers by path (the CMS test passes nginx's: `hubHeaders` and the
 * build's CSP maps).
 */
export async function serve(
  dir = testDist,
  base = testBase,
  headers: (path: string) => Record<string, string> = () => ({}),
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end('not under base');
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(dir, '404.html');
      res.writeHead(404, { 'content-type': existsSync(notFound) ? types['.html'] : 'text/plain', ...headers(path) });
      return void (existsSync(notFound) ? createReadStream(notFound).pipe(res) : res.end('404'));
    }
    const type = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
    const size = statSync(file).size;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size)
        return void res.writeHead(416, { 'content-range': `bytes */${size}`, ...headers(path) }).end();
      res.writeHead(206, {
        ...type,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
        ...headers(path),
      });
      return void createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { ...type, 'content-length': size, ...headers(path) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
