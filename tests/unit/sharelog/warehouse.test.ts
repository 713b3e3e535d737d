import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runAggregationDuckDB } from '../../../src/sharelog/warehouse.ts';
import { bothPaths, cli, KEY, ROOT, tempDir } from './warehouse-helpers.ts';

const FIX = 'tests/fixtures/sharelog';
const SAMPLE = ['--in', 'content/logs', '--content', 'content'];

/**
 * Privacy edge cases on top of the fixtures: contents and teams named like an ambassador (any
 * case, with or without an e-mail shape), and an e-mail-shaped content that is nobody's id.
 * `zoltan` and `quirin` are logins (access-log style ids), so only the ambassador rule hides them.
 */
const ODD = [
  'timestamp,ambassador,team,network,content,event',
  '2026-03-02 10:00,leak@exemple.fr,leak@exemple.fr,li,leak@exemple.fr,share',
  '2026-03-03 10:00,zoltan,zoltan,li,zoltan,share',
  '2026-03-03 11:00,quirin,Quirin,x,Quirin,share',
  '2026-03-04 12:00,zoltan,Zoltan,li,someone@else.example,share',
  '2026-03-04 13:00,zoltan,Atelier,li,salon,share',
  // Inside the unscoped challenge `collectif` (every content counts), one of them anonymous.
  '2026-03-11 09:00,zoltan,Atelier,li,offres-alternance,share',
  '2026-03-11 09:30,,,email,rapport-annuel,share',
].join('\n');

function oddLogs(dir: string): string[] {
  writeFileSync(join(dir, 'odd.csv'), `${ODD}\n`);
  return ['--in', `${FIX}/logs`, '--in', join(dir, 'odd.csv'), '--content', `${FIX}/content`, '--k', '1'];
}

describe('warehouse path = built-in dashboards', () => {
  it('on the sample logs and content/ (CSV result): byte for byte', async () => {
    const r = await bothPaths(SAMPLE, tempDir('wh-sample'));
    expect(r.warehouse).toBe(r.builtIn);
    const o = JSON.parse(r.builtIn);
    expect(JSON.parse(r.warehouse)).toEqual(o);
    // Not vacuous: the sample covers every section.
    expect(o.byWeek.length).toBeGreaterThan(30);
    expect(o.byTeam.length).toBeGreaterThan(3);
    expect(o.challenges.map((c: { shares: number }) => c.shares).some((s: number) => s > 0)).toBe(true);
    expect(o.ingest.duplicates + o.ingest.rejected).toBeGreaterThan(0);
    // The sample access log holds sent suggestions (some logged twice): counted by both paths.
    const sent = o.suggestions.reduce((sum: number, w: { suggestions: number }) => sum + w.suggestions, 0);
    expect(sent).toBeGreaterThan(20);
    expect(o.suggestions.map((w: { week: string }) => w.week)).toEqual(o.byWeek.map((w: { week: string }) => w.week));
    expect(o.byWeekNetwork.length).toBeGreaterThan(o.byWeek.length);
    expect(o.byContentNetwork.length).toBeGreaterThan(o.byContent.length);
    expect(new Set(o.byContentVariant.map((v: { variant: string }) => v.variant)).size).toBeGreaterThan(1);
  }, 30_000);

  it('on the sample logs through a JSON Lines result, and with --from/--to', async () => {
    const r = await bothPaths(
      [...SAMPLE, '--from', '2026-06-10', '--to', '2026-07-20'],
      tempDir('wh-jsonl'),
      'r.jsonl',
    );
    expect(r.warehouse).toBe(r.builtIn);
    const o = JSON.parse(r.builtIn);
    expect(o.ingest.outOfRange).toBeGreaterThan(0);
    expect(o.period).toEqual({ from: '2026-06-10', to: '2026-07-20' });
    // Only the suggestions inside the period are counted, on both paths.
    expect(o.suggestions.length).toBe(o.byWeek.length);
    expect(o.suggestions.some((w: { suggestions: number }) => w.suggestions > 0)).toBe(true);
  }, 30_000);

  it('on the fixtures with privacy edge cases, leaderboards and k = 1', async () => {
    const dir = tempDir('wh-odd');
    const r = await bothPaths(oddLogs(dir), dir);
    expect(r.warehouse).toBe(r.builtIn);
    const o = JSON.parse(r.builtIn);
    // The rules did fire (else the equality above proves little about them).
    const contents = o.byContent.map((c: { content: string }) => c.content);
    const teams = o.byTeam.map((t: { team: string }) => t.team);
    for (const hidden of ['leak@exemple.fr', 'zoltan', 'Quirin', 'someone@else.example']) {
      expect(contents).not.toContain(hidden);
    }
    for (const hidden of ['leak@exemple.fr', 'zoltan', 'Zoltan', 'Quirin']) expect(teams).not.toContain(hidden);
    expect(teams).toContain('Atelier');
    const challenge = o.challenges.find((c: { id: string }) => c.id === 'defi-recrutement');
    expect(challenge.leaderboard).toEqual([{ displayName: 'Alice M.', shares: 3 }]);
    expect(o.challenges[0]).toEqual({ id: 'collectif', shares: 2, activeAmbassadors: 1, leaderboard: [] });
  }, 30_000);

  it('with no event at all (everything out of range)', async () => {
    const r = await bothPaths([...SAMPLE, '--from', '2030-01-01'], tempDir('wh-empty'));
    expect(r.warehouse).toBe(r.builtIn);
    expect(JSON.parse(r.builtIn)).toMatchObject({ period: null, byWeek: [], byContent: [] });
    expect(await readdir(join(r.exportDir, 'events'))).toEqual(['week=0000-W00']);
  }, 30_000);

  it('with gzipped logs and broken archives (their report passes through the export)', async () => {
    const dir = tempDir('wh-broken');
    const logs = join(dir, 'logs');
    await mkdir(logs);
    for (const name of ['access.log', 'export.jsonl', 'partages-fr.csv']) {
      writeFileSync(join(logs, `${name}.1.gz`), gzipSync(readFileSync(join(ROOT, FIX, 'logs', name))));
    }
    const cut = gzipSync(readFileSync(join(ROOT, FIX, 'logs', 'access.log')));
    writeFileSync(join(logs, 'access.log.2.gz'), cut.subarray(0, Math.floor(cut.length / 2)));
    writeFileSync(join(logs, 'odd.csv.gz'), 'not gzip');
    const r = await bothPaths(['--in', logs, '--content', `${FIX}/content`], dir);
    expect(r.warehouse).toBe(r.builtIn);
    const o = JSON.parse(r.builtIn);
    expect(o.ingest.brokenArchives.map((b: { file: string }) => b.file)).toEqual([
      join(logs, 'access.log.2.gz'),
      join(logs, 'odd.csv.gz'),
    ]);
    expect(o.totals.shares).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});

const filesUnder = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

/** Every text value of every table of an export, decoded by DuckDB (compression undone). */
async function exportTexts(dir: string): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const texts: string[] = [];
  for (const file of await filesUnder(dir)) {
    const table = `read_parquet('${file}')`;
    const columns = await con.runAndReadAll(
      `SELECT column_name FROM (DESCRIBE SELECT * FROM ${table}) WHERE column_type = 'VARCHAR'`,
    );
    for (const [column] of columns.getRows()) {
      const values = await con.runAndReadAll(
        `SELECT DISTINCT "${String(column)}" FROM ${table} WHERE "${String(column)}" IS NOT NULL`,
      );
      for (const [v] of values.getRows()) texts.push(String(v));
    }
  }
  con.closeSync();
  instance.closeSync();
  return texts;
}

describe('the export holds no ambassador id', () => {
  it('not in the bytes of an uncompressed export, not in any decoded value of the CLI export', async () => {
    const dir = tempDir('wh-privacy');
    const logs = join(dir, 'logs');
    await mkdir(logs);
    const g = spawnSync(
      process.execPath,
      ['scripts/generate-logs.ts', '--seed', '5', '--rows', '3000', '--out', join(logs, 'g.csv')],
      { cwd: ROOT },
    );
    expect(g.status).toBe(0);
    const args = oddLogs(dir);
    args.push('--in', logs);
    // The ids of the inputs, as written (any case) and as the pipeline keys them (lower case).
    const inputs = [join(ROOT, FIX, 'logs', 'partages-fr.csv'), join(ROOT, FIX, 'logs', 'export.jsonl')];
    inputs.push(join(ROOT, FIX, 'logs', 'access.log'), join(dir, 'odd.csv'), join(logs, 'g.csv'));
    const ids = new Set<string>(['zoltan', 'quirin', 'Quirin', 'Zoltan']);
    for (const f of inputs) {
      for (const m of readFileSync(f, 'utf8').matchAll(/[\w.-]+@[\w.-]+\.[a-z]+/gi)) {
        ids.add(m[0]);
        ids.add(m[0].toLowerCase());
      }
    }
    expect(ids.size).toBeGreaterThan(100);

    // (1) The real CLI export (snappy): decode every text value.
    const exportDir = join(dir, 'cli-export');
    expect(cli([...args, '--export-parquet', exportDir, '--out', join(dir, 'o.json')]).code).toBe(0);
    const texts = await exportTexts(exportDir);
    expect(texts.length).toBeGreaterThan(100); // pseudonyms, contents, teams, names
    for (const t of texts) {
      expect(t).not.toMatch(/@/);
      expect(ids.has(t) || ids.has(t.toLowerCase())).toBe(false);
    }

    // (2) Same rows uncompressed (compressed pages could hide a string): grep the raw bytes of
    // every file, footers and statistics included.
    const { listInputs } = await import('../../../src/sharelog/read.ts');
    const { ingestFilesToRecords } = await import('../../../src/sharelog/records.ts');
    const { openParquetExport } = await import('../../../src/sharelog/parquet.ts');
    const { loadProgramme } = await import('../../../src/sharelog/programme.ts');
    const { createZone } = await import('../../../src/sharelog/timestamp.ts');
    const zone = createZone('Europe/Paris');
    const programme = await loadProgramme(join(ROOT, FIX, 'content'), zone);
    const key = Buffer.from(KEY);
    const files = await listInputs([join(ROOT, FIX, 'logs'), join(dir, 'odd.csv'), logs]);
    const raw = join(dir, 'raw-export');
    const exporter = await openParquetExport(raw, { key, ...programme, compression: 'uncompressed' });
    const output = await ingestFilesToRecords(
      files,
      { zone, k: 1, ...programme, key, cacheDir: join(dir, 'cache') },
      exporter.add,
    );
    await exporter.finish({ timezone: zone.name, k: 1, ingest: output.ingest });
    const all = Buffer.concat((await filesUnder(raw)).map((f) => readFileSync(f)));
    expect(all.includes('Alice M.')).toBe(true); // uncompressed indeed: a display name is readable
    for (const id of ids) expect(all.includes(id), id).toBe(false);
  }, 60_000);
});

describe('--export-parquet', () => {
  it('replaces an earlier export (no stale week) and refuses a folder it did not write', async () => {
    const dir = tempDir('wh-replace');
    const exportDir = join(dir, 'export');
    expect(cli([...SAMPLE, '--export-parquet', exportDir, '--out', join(dir, 'a.json')]).code).toBe(0);
    const before = await readdir(join(exportDir, 'events'));
    expect(before.length).toBeGreaterThan(30);
    const later = cli([...SAMPLE, '--from', '2026-11-01', '--export-parquet', exportDir, '--out', join(dir, 'b.json')]);
    expect(later.code).toBe(0);
    expect((await readdir(join(exportDir, 'events'))).sort()).toEqual([
      'week=2026-W44',
      'week=2026-W45',
      'week=2026-W46',
    ]);
    expect((await readdir(exportDir)).filter((n) => n.startsWith('.'))).toEqual([]); // staging removed
    await runAggregationDuckDB(exportDir, join(dir, 'r.csv'));
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toContain('period,2026-11-01,2026-11-15');

    // An export of version 1 (before suggestions.parquet) is refused by name, not by DuckDB.
    await rename(join(exportDir, 'suggestions.parquet'), join(dir, 'suggestions.parquet'));
    await expect(runAggregationDuckDB(exportDir, join(dir, 'old.csv'))).rejects.toThrow(
      `${join(exportDir, 'suggestions.parquet')} is missing: not an export of version 2`,
    );
    const old = spawnSync(
      process.execPath,
      ['scripts/sharelog-sql.ts', '--export', exportDir, '--out', join(dir, 'old.csv')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(old.status).toBe(3);
    expect(old.stderr).toContain('suggestions.parquet is missing: not an export of version 2 (an older one');
    expect(old.stderr).not.toContain('No files found');
    await rename(join(dir, 'suggestions.parquet'), join(exportDir, 'suggestions.parquet'));

    await writeFile(join(exportDir, 'events', 'README.txt'), 'mine');
    const refused = cli([...SAMPLE, '--export-parquet', exportDir, '--out', join(dir, 'c.json')]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`--export-parquet ${exportDir}: events/README.txt was not written by an export`);
  }, 30_000);

  it('loads DuckDB only when exporting', () => {
    // Logs every resolution of a DuckDB package, so the plain run can be shown to load none.
    const hook = `data:text/javascript,import m from 'node:module';m.registerHooks({resolve(s,c,n){if(s.includes('@duckdb'))process.stderr.write('LOADED '+s+'\\n');return n(s,c)}})`;
    const run = (extra: string[]) =>
      spawnSync(process.execPath, ['--import', hook, 'scripts/dashboards.ts', ...SAMPLE, '--quiet', ...extra], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, RELAIS_SHARELOG_KEY: KEY },
      });
    const dir = tempDir('wh-lazy');
    const plain = run(['--out', join(dir, 'a.json')]);
    expect([plain.status, plain.stderr]).toEqual([0, '']);
    const exporting = run(['--out', join(dir, 'b.json'), '--export-parquet', join(dir, 'export')]);
    expect(exporting.status).toBe(0);
    expect(exporting.stderr).toContain('LOADED @duckdb/node-api');
  }, 30_000);
});
