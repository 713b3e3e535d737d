/**
 * `npm run bench -- --only digest`: the weekly digest's cost (issue 16). Times `npm run digest`
 * for the sample programme end to end (a fresh Node process each run, as CI runs it; median of
 * 5) against its floor, the peer measured in the same run: a Node process that only loads MJML
 * and compiles a one-line e-mail. Prints the e-mail's HTML size against Gmail's clipping.
 * Writes only to a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Figure } from '../lib/bench/figures.ts';

const HELP = `Usage: node scripts/bench/digest.ts [--json FILE]

Times npm run digest -- --week 2026-W49 for the sample programme (median of 5 runs, each a new
Node process) against a Node process that only loads MJML and compiles one line, and prints the
e-mail's HTML size (target <= 100 KB; Gmail clips at 102 KB).
  --json FILE  Also write the figures for scripts/bench/index.ts`;

const { values } = parseArgs({ options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'relais-bench-digest-'));
const RUNS = 5;

function median(cmd: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, cmd, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')}: exit ${r.status}\n${r.stderr}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor(RUNS / 2)] as number) / 1000;
}

try {
  const digest = median(['scripts/digest.ts', '--week', '2026-W49', '--out', tmp]);
  const peer = median([
    '--input-type=module',
    '-e',
    "const { default: m } = await import('mjml'); await m('<mjml><mj-body><mj-text>x</mj-text></mj-body></mjml>');",
  ]);
  const kb = statSync(join(tmp, 'digest-2026-W49-fr.html')).size / 1024;
  console.log(`npm run digest (sample, 2026-W49): ${digest.toFixed(2)} s (median of ${RUNS})`);
  console.log(
    `peer, node + MJML compiling one line: ${peer.toFixed(2)} s; digest / peer: ${(digest / peer).toFixed(2)}x`,
  );
  console.log(`e-mail HTML: ${kb.toFixed(1)} KB (Gmail clips at 102 KB)`);
  const figures: Figure[] = [
    {
      bench: 'digest',
      name: 'npm run digest, sample',
      value: Math.round(digest * 100) / 100,
      unit: 's',
      target: { op: '<=', value: 2 },
    },
    {
      bench: 'digest',
      name: 'digest / node+MJML floor',
      value: Math.round((digest / peer) * 100) / 100,
      unit: 'x',
      note: `floor ${peer.toFixed(2)} s`,
    },
    {
      bench: 'digest',
      name: 'e-mail HTML size',
      value: Math.round(kb * 10) / 10,
      unit: 'KB',
      target: { op: '<=', value: 100 },
    },
  ];
  if (values.json) writeFileSync(values.json, JSON.stringify(figures));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
