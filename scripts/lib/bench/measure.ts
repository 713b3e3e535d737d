import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

/** What one measured command did. */
export interface Run {
  code: number;
  /** Wall time, ms. */
  ms: number;
  /** Highest sum of resident memory over the process and all its descendants, bytes (sampled). */
  peakTree: number;
  /** Everything the command printed (stdout then stderr interleaved as received). */
  output: string;
}

const PAGE = 4096;

/** Parent of every live process, read from `/proc/<pid>/stat` (field 4). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: read after its last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return map;
}

/**
 * Resident memory of `pid` and its descendants, bytes. Worker threads live inside their process,
 * so they are counted; separate programs the build starts (Pagefind's binary) are too, which
 * `/usr/bin/time -v` would miss: it reports the largest single process, not the sum.
 */
export function treeRss(pid: number): number {
  const map = parents();
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of map)
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
  }
  let bytes = 0;
  for (const p of tree) {
    try {
      bytes += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // Gone already.
    }
  }
  return bytes;
}

/**
 * Runs a command, saving its output to `log`, while sampling the process tree's memory every
 * `every` ms. Not a shell: arguments are passed as they are.
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; log: string; every?: number },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    const log = createWriteStream(options.log);
    const chunks: Buffer[] = [];
    const keep = (b: Buffer) => {
      chunks.push(b);
      log.write(b);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakTree = 0;
    const sample = () => {
      if (child.pid) peakTree = Math.max(peakTree, treeRss(child.pid));
    };
    const timer = setInterval(sample, options.every ?? 200);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      log.end();
      resolve({
        code: code ?? 1,
        ms: performance.now() - started,
        peakTree,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
