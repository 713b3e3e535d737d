/**
 * Runs the production nginx configuration (`deploy/nginx/`) on this machine, on 127.0.0.1
 * only, against a build: to look at the real headers and the share log before a deploy, and
 * for `tests/site/nginx.test.ts`.
 *
 * ```
 * node deploy/nginx/run-local.ts [--dist dist] [--port 8080] [--user alice@exemple.fr]
 * ```
 * A stand-in SSO answers nginx's `auth_request`: the visitor is the `relais_user` cookie, else
 * `--user`, else anonymous.
 * The files are copied into a temporary prefix with these changes: `listen` → 127.0.0.1:port
 * and `root` → a folder whose `hub/` is the build (each must match exactly once, so a config
 * that drifts fails loudly instead of being half rewritten), the two CSP map includes → that
 * build's `_csp/`, `/var/log/nginx/` and
 * `/var/log/relais/` → the prefix's `logs/`, and the SSO address → the stand-in's port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const here = new URL('./', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');

/** The nginx binary, if one is installed. */
export function nginxBinary(): string | undefined {
  for (const bin of [process.env.NGINX ?? '', '/usr/sbin/nginx', 'nginx']) {
    if (!bin) continue;
    try {
      execFileSync(bin, ['-v'], { stdio: 'ignore' });
      return bin;
    } catch {
      // not there: try the next one
    }
  }
  return undefined;
}

function replaceOnce(text: string, what: string | RegExp, by: string, file: string): string {
  const count = text.split(what).length - 1;
  if (count !== 1) throw new Error(`${file}: expected ${String(what)} once, found it ${count} times`);
  return text.replace(what, by);
}

export interface LocalOptions {
  /** The folder that holds `hub/` (the build). */
  root: string;
  /** Where `share.log` and `relais-access.log` go. */
  logs: string;
  port: number;
  ssoPort: number;
}

/**
 * `relais.conf` and its snippets rewritten for a local run.
 * @example renderLocal({ root: '/tmp/x/www', logs: '/tmp/x/logs', port: 8080, ssoPort: 4180 })['relais.conf']
 */
export function renderLocal(o: LocalOptions): Record<string, string> {
  let server = read('relais.conf');
  server = replaceOnce(
    server,
    /^ {4}listen 80;\n {4}listen \[::\]:80;$/m,
    `    listen 127.0.0.1:${o.port};`,
    'relais.conf',
  );
  server = replaceOnce(server, /^ {4}root \/srv\/relais;$/m, `    root ${o.root};`, 'relais.conf');
  for (const map of ['pages.map', 'policies.map'])
    server = replaceOnce(server, `/srv/relais/hub/_csp/${map};`, `${o.root}/hub/_csp/${map};`, 'relais.conf');
  server = server.replaceAll('/var/log/nginx/', `${o.logs}/`).replaceAll('/var/log/relais/', `${o.logs}/`);
  let sso = read('snippets/relais-sso.conf');
  sso = sso.replaceAll('127.0.0.1:4180', `127.0.0.1:${o.ssoPort}`);
  return {
    'relais.conf': server,
    'snippets/relais-headers.conf': read('snippets/relais-headers.conf'),
    'snippets/relais-sso.conf': sso,
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/**
 * A stand-in for oauth2-proxy's `/oauth2/auth`: 202 with `X-Auth-Request-Email` set to the
 * `relais_user` cookie (or `user`), so nginx's share log gets a remote_user.
 */
export async function fakeSso(user = ''): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createHttpServer((req, res) => {
    const cookie = /(?:^|;\s*)relais_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const who = cookie ? decodeURIComponent(cookie) : user;
    res.writeHead(202, who ? { 'x-auth-request-email': who } : {}).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface LocalNginx {
  url: string;
  prefix: string;
  shareLog: string;
  accessLog: string;
  stop: () => Promise<void>;
}

/** Starts nginx in the foreground on 127.0.0.1 serving `dist` under `/hub/`. */
export async function startLocal(dist: string, ssoPort: number, port?: number): Promise<LocalNginx> {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx is not installed (apt-get install -y nginx-light)');
  const prefix = mkdtempSync(join(tmpdir(), 'relais-nginx-'));
  // nginx's workers run as an unprivileged user when started by root: they must see the files.
  chmodSync(prefix, 0o755);
  const logs = join(prefix, 'logs');
  mkdirSync(join(prefix, 'conf', 'snippets'), { recursive: true });
  mkdirSync(logs);
  mkdirSync(join(prefix, 'www'));
  symlinkSync(resolve(dist), join(prefix, 'www', 'hub'));
  const listen = port ?? (await freePort());
  const files = renderLocal({ root: join(prefix, 'www'), logs, port: listen, ssoPort });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(prefix, 'conf', name), text);
  copyFileSync('/etc/nginx/mime.types', join(prefix, 'conf', 'mime.types'));
  writeFileSync(
    join(prefix, 'conf', 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${logs}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '    include mime.types;',
      '    default_type application/octet-stream;',
      '    sendfile on;',
      '    include relais.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', prefix, '-c', join(prefix, 'conf', 'nginx.conf'), '-e', `${logs}/error.log`];
  execFileSync(bin, [...args, '-t', '-q']);
  const child: ChildProcess = spawn(bin, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${listen}/hub/`;
  await waitFor(url, child);
  return {
    url,
    prefix,
    shareLog: join(logs, 'share.log'),
    accessLog: join(logs, 'relais-access.log'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  throw new Error(`nginx did not answer on ${url}`);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '8080' },
      user: { type: 'string', default: '' },
    },
  });
  const sso = await fakeSso(values.user);
  const nginx = await startLocal(values.dist, sso.port, Number(values.port));
  console.log(`nginx serves ${values.dist} on ${nginx.url} (share log: ${nginx.shareLog}); Ctrl-C stops it`);
  const stop = () => void Promise.all([nginx.stop(), sso.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
