import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fakeSso, nginxBinary, startLocal } from '../../../deploy/nginx/run-local.ts';

const conf = new URL('../../../deploy/nginx/relais.conf', import.meta.url);

/** What relais.conf says about compression: the types it gzips, the smallest body, each extension's type. */
export function gzipRules(text = readFileSync(conf, 'utf8')) {
  const directive = (name: string) => new RegExp(`^\\s*${name}\\s+([^;]+);`, 'm').exec(text)?.[1];
  // nginx always compresses text/html once gzip is on; gzip_types lists the others.
  const gzipTypes = new Set(['text/html', ...(directive('gzip_types') ?? '').split(/\s+/).filter(Boolean)]);
  const minLength = Number(directive('gzip_min_length') ?? 20);
  const types = new Map<string, string>();
  const block = /^\s*types\s*\{([^}]*)\}/m.exec(text)?.[1] ?? '';
  for (const line of block.split(';')) {
    const [type, ...exts] = line.replace(/#.*$/gm, '').trim().split(/\s+/);
    if (type) for (const ext of exts) types.set(ext, type);
  }
  if (gzipTypes.size < 2 || !types.size) throw new Error(`${conf.pathname}: no gzip_types or types block found`);
  return { gzipTypes, minLength, types };
}

/**
 * Serves `dist` under `base` on 127.0.0.1 compressed as production serves it: the real nginx
 * configuration (deploy/nginx/) when nginx is installed and the base is its `/hub/`, else a Node
 * server applying relais.conf's gzip rules at nginx's default level (1).
 */
export async function serveCompressed(
  dist: string,
  base: string,
): Promise<{ url: string; how: string; close: () => Promise<void> }> {
  if (nginxBinary() && base === '/hub/') {
    const sso = await fakeSso();
    const nginx = await startLocal(dist, sso.port);
    return {
      url: nginx.url,
      how: 'nginx with deploy/nginx/relais.conf',
      close: async () => {
        await nginx.stop();
        await sso.close();
      },
    };
  }
  const { gzipTypes, minLength, types } = gzipRules();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path.slice(base.length)));
    if (!path.startsWith(base) || !file.startsWith(normalize(dist))) return void res.writeHead(404).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = types.get(extname(file).slice(1)) ?? 'application/octet-stream';
    let body = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': type };
    if (gzipTypes.has(type) && body.length >= minLength && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 1 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    how: 'Node server with relais.conf gzip rules (nginx not installed, or base not /hub/)',
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
