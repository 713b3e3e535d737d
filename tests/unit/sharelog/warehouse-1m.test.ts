import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bothPaths, ROOT, tempDir } from './warehouse-helpers.ts';

/**
 * A programme for the generated people: an unscoped challenge and one on three cards, and an
 * opt-in list of 30 of the ambassadors found at the top of the file, with repeated display names
 * (the leaderboards must still list each person).
 */
function programme(dir: string, logs: string): string {
  const content = join(dir, 'content');
  const head = Buffer.alloc(1 << 16);
  const fd = openSync(logs, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const ids = [...new Set(head.toString('utf8').match(/[\w.-]+@exemple\.fr/g))].slice(0, 30);
  expect(ids.length).toBe(30);
  const cards = readdirSync(join(ROOT, 'content/cards/fr'))
    .slice(0, 3)
    .map((f) => basename(f, '.md'));
  mkdirSync(join(content, 'challenges/fr'), { recursive: true });
  mkdirSync(join(content, 'settings'), { recursive: true });
  writeFileSync(join(content, 'challenges/fr/printemps.md'), '---\nstart: 2026-04-01\nend: 2026-05-31\n---\n');
  writeFileSync(
    join(content, 'challenges/fr/cartes.md'),
    `---\nstart: 2026-03-15T00:00:00+01:00\nend: 2026-09-30\nscope:\n  cards: [${cards.join(', ')}]\n---\n`,
  );
  const entries = ids.map((id, i) => `  - ambassador: ${id.toUpperCase()}\n    displayName: Personne ${i % 7}`);
  writeFileSync(join(content, 'settings/leaderboard.yaml'), `entries:\n${entries.join('\n')}\n`);
  return content;
}

/**
 * The warehouse path at scale: 1,000,000 generated rows (duplicates and ~1% malformed rows
 * included), built-in dashboards vs DuckDB over the Parquet export + --from-aggregates, byte for
 * byte. About 7 s on the 2-core machines (generation 3 s, ingest + export 3.5 s, SQL 0.5 s).
 */
describe('warehouse path on 1M rows', () => {
  const dir = tempDir('wh-1m');
  afterAll(() => rmSync(dir, { recursive: true, force: true })); // ~115 MB of logs and export

  it('gives the built-in dashboards byte for byte', async () => {
    const logs = join(dir, 'logs.csv');
    const g = spawnSync(
      process.execPath,
      ['scripts/generate-logs.ts', '--seed', '7', '--rows', '1000000', '--out', logs],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(g.status, g.stderr).toBe(0);
    const r = await bothPaths(['--in', logs, '--content', programme(dir, logs)], dir);
    expect(r.warehouse).toBe(r.builtIn);
    const o = JSON.parse(r.builtIn);
    expect(o.ingest.rows).toBe(1_000_000);
    expect(o.ingest.duplicates).toBeGreaterThan(1000);
    expect(o.ingest.rejected).toBeGreaterThan(1000);
    expect(o.totals.activeAmbassadors).toBeGreaterThan(100);
    expect(o.challenges.map((c: { id: string }) => c.id)).toEqual(['cartes', 'printemps']);
    for (const c of o.challenges) expect(c.leaderboard.length).toBeGreaterThan(10);
    expect(r.sqlSeconds).toBeLessThan(20); // the SQL alone; printed by the reporter's timing too
  }, 120_000);
});
