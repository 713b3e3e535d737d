/**
 * Measured Astro builds for the benches. A build runs in a child process through Astro's
 * `build()` API (the same function `astro build` calls) with an inline config, so that each
 * bench build has its own content cache (`cacheDir`) instead of sharing `node_modules/.astro`
 * with whatever else builds this checkout at the same time.
 *
 * Run as a script, this file is that child: `node build.ts ROOT INLINE_CONFIG_JSON`.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEnv } from '../build-env.ts';
import { measure, type Run } from './measure.ts';

const SELF = fileURLToPath(import.meta.url);
const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

/** A measured build and what its log says. */
export interface Build extends Run {
  /** From Astro's "N page(s) built in". */
  pages: number | null;
  /** From the OG integration's "OG images: N rendered, M reused". */
  rendered: number | null;
  reused: number | null;
  /** Peak RSS of the build's main process (getrusage), bytes. */
  mainRss: number | null;
  /** Pages Astro copied from its incremental cache instead of rendering. */
  reusedPages: number;
  /** Whether Pagefind's index came from its cache. */
  searchReused: boolean;
}

export class BuildFailed extends Error {}

const num = (re: RegExp, text: string) => {
  const m = re.exec(text);
  return m ? Number(m[1]) : null;
};

/**
 * Builds the Astro project at `root` with `inline` config over its own, `env` added to the
 * environment; the full log goes to `<logs>/<label>.log`. Throws `BuildFailed` with the log's end.
 */
export async function astroBuild(
  label: string,
  root: string,
  inline: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  logs: string,
): Promise<Build> {
  const log = join(logs, `${label}.log`);
  const run = await measure(process.execPath, [SELF, root, JSON.stringify(inline)], {
    cwd: PROJECT,
    env: buildEnv({ ...env, ASTRO_TELEMETRY_DISABLED: '1' }),
    log,
  });
  if (run.code !== 0)
    throw new BuildFailed(`${label} build failed (exit ${run.code}), see ${log}:\n${run.output.slice(-3000)}`);
  return {
    ...run,
    pages: num(/(\d+) page\(s\) built in/, run.output),
    rendered: num(/OG images: (\d+) rendered/, run.output),
    reused: num(/OG images: \d+ rendered, (\d+) reused/, run.output),
    mainRss: num(/bench:maxrss (\d+)/, run.output),
    reusedPages: run.output.match(/\((?:cached|restored)\)/g)?.length ?? 0,
    searchReused: /index inchangé, repris du cache/.test(run.output),
  };
}

async function child(root: string, inline: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root, ...(JSON.parse(inline) as Record<string, unknown>) });
  process.stdout.write(`\nbench:maxrss ${process.resourceUsage().maxRSS * 1024}\n`);
  // A lingering handle (Pagefind's service, a worker) must not keep the measured process alive.
  process.exit(0);
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) await child(process.argv[2] ?? '.', process.argv[3] ?? '{}');
