/**
 * Runs `bundle.ts` in a child Node process with NODE_ENV=production. Vite picks the React
 * build, the `production` export conditions and `process.env.NODE_ENV` from that variable, and
 * `astro dev` runs in development, Vitest in test: in a process of its own the bundle is the same
 * for every caller (one cache serves them all), and it runs beside Astro's build, not inside it,
 * at a lower priority (nice 10) so that it takes the cores Astro leaves idle rather than Astro's.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BundleResult } from './bundle.ts';

const script = fileURLToPath(new URL('./bundle.ts', import.meta.url));

type Answer = ({ ok: true } & BundleResult) | { ok: false; message: string };

export function bundleInChild(root: string, entry: string, outDir: string): Promise<BundleResult> {
  return new Promise((ok, fail) => {
    let answer: Answer | undefined;
    const child = fork(script, [], {
      env: { ...process.env, NODE_ENV: 'production' },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Below Astro's own work: the pages never wait for CPU the bundling could do later.
    if (child.pid) setPriority(child.pid, 10);
    child.on('message', (message) => {
      answer = message as Answer;
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (answer?.ok) ok({ script: answer.script, inputs: answer.inputs });
      else if (answer) fail(new Error(answer.message));
      else
        fail(new Error(`${entry} : le processus de bundle (${script}) s’est arrêté sans réponse (${signal ?? code})`));
    });
    child.send({ root, entry, outDir });
  });
}
