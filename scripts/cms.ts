/**
 * `npm run cms`: the editors' workshop on a developer's machine. Starts Decap's local backend
 * (decap-server, on 127.0.0.1 only, writing straight into this checkout's `content/` and
 * `public/media/`) together with `astro dev`, and stops both when either stops or on Ctrl+C.
 * Then open http://localhost:4321/admin/ (see docs/cms.md).
 *
 * RELAIS_CMS_PORT (default 8081) is decap-server's port; the admin page reads the same variable.
 * RELAIS_CMS_LOCAL_MODE=git runs decap-server on Git branches, which enables the editorial
 * workflow locally (with RELAIS_CMS_WORKFLOW=editorial).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const port = process.env.RELAIS_CMS_PORT ?? '8081';
const env = { ...process.env, RELAIS_CMS_BACKEND: 'local', RELAIS_CMS_PORT: port };

const children: ChildProcess[] = [
  spawn(process.execPath, [`${root}node_modules/decap-server/dist/index.js`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PORT: port, BIND_HOST: '127.0.0.1', MODE: process.env.RELAIS_CMS_LOCAL_MODE ?? 'fs' },
  }),
  spawn(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'dev', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env,
  }),
];

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  const running = () => children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of running()) child.kill('SIGTERM');
  // Either server may linger on SIGTERM while it closes; neither may outlive this script.
  setTimeout(() => {
    for (const child of running()) child.kill('SIGKILL');
  }, 3000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
