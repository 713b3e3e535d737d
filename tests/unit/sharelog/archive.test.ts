import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipFile } from '../../../src/sharelog/archive.ts';
import { ingestFiles } from '../../../src/sharelog/ingest.ts';
import { serialize } from '../../../src/sharelog/output.ts';
import { ArchiveError, type InputFile, kindOf, listInputs, readInput } from '../../../src/sharelog/read.ts';
import type { BrokenArchive } from '../../../src/sharelog/types.ts';
import { paris, type Reject } from './helpers.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'sharelog', 'logs');
const tmp = mkdtempSync(join(tmpdir(), 'relais-archive-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A file in a fresh temp folder (so that each test lists only its own inputs). */
function put(name: string, bytes: Uint8Array | string): string {
  const dir = join(tmp, String(n++));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const input = async (path: string) => (await listInputs([path]))[0] as InputFile;

/** Everything readInput hands out (copied: a chunk may be reused) and how it ended. */
async function readAll(path: string): Promise<{ bytes: Buffer; broken: BrokenArchive | null }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of readInput(await input(path))) parts.push(Buffer.from(chunk));
    return { bytes: Buffer.concat(parts), broken: null };
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    return { bytes: Buffer.concat(parts), broken: error.broken };
  }
}

/** The pipeline over `paths` (listInputs' order), with its rejects. */
async function ingest(paths: string[]) {
  const rejects: Reject[] = [];
  const output = await ingestFiles(await listInputs(paths), {
    zone: paris,
    onReject: (file, line, reason, raw) => rejects.push({ file, line, reason, raw }),
  });
  return { output, rejects, json: serialize(output) };
}

/** What zlib itself decodes from a prefix, without failing on its end: the oracle for breaks. */
const decodable = (gz: Uint8Array) => gunzipSync(gz, { finishFlush: constants.Z_SYNC_FLUSH });

/** Seeded rows with event ids, varied enough that deflate cannot shrink them to nothing. */
function csvText(rows: number, seed = 1): string {
  let s = seed;
  const rnd = (m: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % m;
  };
  const lines = ['timestamp,ambassador,team,network,content,event,variant,event_id'];
  for (let i = 0; i < rows; i++) {
    const day = String(2 + (i % 27)).padStart(2, '0');
    const time = `${String(8 + rnd(10)).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')}`;
    lines.push(
      `2026-03-${day}T${time}+01:00,amb${rnd(400)}@exemple.fr,Équipe ${rnd(9)},${['linkedin', 'x', 'teams'][rnd(3)]},` +
        `carte-${rnd(60)},${['share', 'share', 'click'][rnd(3)]},${rnd(3)},ev-${i}-${rnd(1e9)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** gzip members of `text` cut at the given byte offsets (mid-line, even mid-character). */
function members(text: string | Buffer, cuts: number[]): Buffer {
  const bytes = Buffer.from(text);
  const bounds = [0, ...cuts, bytes.length];
  return Buffer.concat(bounds.slice(1).map((end, i) => gzipSync(bytes.subarray(bounds[i], end))));
}

describe('kinds and rotated names', () => {
  it.each([
    ['access.log', 'log'],
    ['access.log.1', 'log'],
    ['access.log.2.gz', 'log'],
    ['access.log.10.gz', 'log'],
    ['share-20261122.log.gz', 'log'],
    ['export.csv.gz', 'csv'],
    ['export.csv.1', 'csv'],
    ['export.CSV.3.GZ', 'csv'],
    ['events.jsonl.gz', 'jsonl'],
    ['events.ndjson.4.gz', 'jsonl'],
    ['access.gz', undefined],
    ['access.1', undefined],
    ['notes.txt.gz', undefined],
    ['access.log.gz.1', undefined],
    ['access.log.1a', undefined],
  ])('%s → %s', (name, kind) => expect(kindOf(name)).toBe(kind));

  it('lists a rotated folder sorted, the .gz files marked compressed', async () => {
    const dir = join(tmp, 'rotated');
    mkdirSync(join(dir, 'web2'), { recursive: true });
    for (const name of ['access.log', 'access.log.1', 'access.log.2.gz', 'access.log.10.gz', 'README', 'x.gz']) {
      writeFileSync(join(dir, name), name.endsWith('.gz') ? gzipSync(csvText(50)) : name);
    }
    writeFileSync(join(dir, 'web2', 'export.csv.1'), 'a');
    const files = await listInputs([dir, join(dir, 'access.log.1')]);
    expect(files.map((f) => [basename(f.path), f.kind, f.compressed])).toEqual([
      ['access.log', 'log', false],
      ['access.log.1', 'log', false],
      ['access.log.10.gz', 'log', true],
      ['access.log.2.gz', 'log', true],
      ['export.csv.1', 'csv', false],
    ]);
    // A .gz's size is its content's (from the gzip trailer): it sizes the ingest's tables.
    expect(files[2]?.size).toBe(Buffer.byteLength(csvText(50)));
  });
});

describe('gzip inputs', () => {
  it('each kind, gzipped, gives the plain files’ dashboards and the same rejects under the archive’s name', async () => {
    const names = ['partages-fr.csv', 'export.jsonl', 'access.log'];
    const gz = join(tmp, 'kinds');
    mkdirSync(gz);
    for (const name of names) writeFileSync(join(gz, `${name}.gz`), gzipSync(readFileSync(join(FIX, name))));
    // .ndjson too, and a gzip file whose name does not say so (recognised by its first bytes).
    const jsonl = readFileSync(join(FIX, 'export.jsonl'));
    writeFileSync(join(gz, 'more.ndjson.gz'), gzipSync(jsonl));
    writeFileSync(join(gz, 'unsaid.ndjson'), gzipSync(jsonl));
    const plain = join(tmp, 'kinds-plain');
    mkdirSync(plain);
    for (const name of names) copyFileSync(join(FIX, name), join(plain, name));
    copyFileSync(join(FIX, 'export.jsonl'), join(plain, 'more.ndjson'));
    copyFileSync(join(FIX, 'export.jsonl'), join(plain, 'unsaid.ndjson'));

    const a = await ingest([plain]);
    const b = await ingest([gz]);
    expect(b.json).toBe(a.json);
    expect(a.output.ingest.rejected).toBeGreaterThan(5); // BOM, CRLF, bad JSON, bad timestamps: read alike
    // Rejects name the archive and the line inside its uncompressed content.
    const archived = (file: string) =>
      join(gz, basename(file) === 'unsaid.ndjson' ? 'unsaid.ndjson' : `${basename(file)}.gz`);
    expect(b.rejects).toEqual(a.rejects.map((r) => ({ ...r, file: archived(r.file) })));
    expect(b.rejects.map((r) => `${basename(r.file)}:${r.line}`)).toContain('partages-fr.csv.gz:6');
  });

  it('reads every member of a multi-member gzip, split mid-line and mid-character, and ignores zero padding', async () => {
    const text = `${csvText(300)}2026-03-02T10:00:00+01:00,zoé@exemple.fr,Équipe 1,linkedin,carte-é,share,,é-1\n`;
    const bytes = Buffer.from(text);
    const cuts = [1, 57, 58, 2000, bytes.length - 30, bytes.length - 29]; // 58: inside the header's "é"
    const gz = Buffer.concat([members(text, cuts), Buffer.alloc(7)]);
    const path = put('multi.csv.gz', gz);
    const r = await readAll(path);
    expect(r.broken).toBeNull();
    expect(r.bytes.equals(bytes)).toBe(true);
    const plain = await ingest([put('multi.csv', text)]);
    const zipped = await ingest([path]);
    expect(zipped.json).toBe(plain.json);
    expect(plain.output.ingest.accepted).toBe(301);
  });

  it('gives the same bytes whatever the slices zlib is fed (member ends on slice ends included)', async () => {
    const text = csvText(40);
    const gz = members(text, [100, 101, 1000, 1777]);
    const path = put('steps.csv.gz', gz);
    for (const step of [1, 2, 3, 7, 64, 1000, gz.length]) {
      const handle = await open(path);
      try {
        const parts: Buffer[] = [];
        const gen = gunzipFile(handle, gz.length, step);
        let r = await gen.next();
        for (; !r.done; r = await gen.next()) parts.push(Buffer.from(r.value));
        expect(r.value, `step ${step}`).toBeNull();
        expect(Buffer.concat(parts).toString(), `step ${step}`).toBe(text);
      } finally {
        await handle.close();
      }
    }
  });
});

describe('broken archives', () => {
  const text = csvText(3000, 7);
  const gz = members(text, [Math.floor(text.length / 2)]);
  const plain = Buffer.from(text);

  it('truncated anywhere: everything zlib can decode before the cut is read, the break is at the cut', async () => {
    const cuts = [2, 5, 10, 11, 40, 1000, gz.length / 4, gz.length / 2, (3 * gz.length) / 4, gz.length - 9];
    for (const cut of [...cuts.map(Math.floor), gz.length - 8, gz.length - 4, gz.length - 1]) {
      const cutGz = gz.subarray(0, cut);
      const path = put('cut.csv.gz', cutGz);
      const r = await readAll(path);
      expect(r.broken, `cut ${cut}`).toEqual({ file: path, offset: cut, message: 'unexpected end of file' });
      expect(r.bytes.equals(decodable(cutGz)), `cut ${cut}`).toBe(true);
      expect(plain.subarray(0, r.bytes.length).equals(r.bytes), `cut ${cut}`).toBe(true);
      // Its rows count exactly as those bytes in a plain file would (a cut last line included).
      const broken = await ingest([path]);
      const same = await ingest([put('cut.csv', r.bytes)]);
      expect(broken.json, `cut ${cut}`).toBe(
        serialize({ ...same.output, ingest: { ...same.output.ingest, brokenArchives: [r.broken as BrokenArchive] } }),
      );
    }
    // Not vacuous: a cut in the second half still yields the whole first member and more.
    const half = await readAll(put('half.csv.gz', gz.subarray(0, Math.floor((3 * gz.length) / 4))));
    expect(half.bytes.length).toBeGreaterThan(plain.length / 2);
  });

  it('corrupt in the middle: the bytes before the break are read and the break’s offset is exact', async () => {
    // The first corruption zlib notices where it happens (not only at the end, by the CRC).
    let found: { bad: Buffer; message: string } | undefined;
    for (let at = Math.floor(gz.length / 3); !found; at += 101) {
      const bad = Buffer.from(gz);
      bad.fill(0x00, at, at + 2);
      try {
        gunzipSync(bad);
      } catch (error) {
        const message = (error as Error).message;
        if (message !== 'incorrect data check') found = { bad, message };
      }
    }
    const path = put('corrupt.csv.gz', found.bad);
    const r = await readAll(path);
    const offset = r.broken?.offset ?? -1;
    expect(r.broken).toEqual({ file: path, offset, message: found.message });
    expect(offset).toBeGreaterThan(gz.length / 3);
    expect(offset).toBeLessThan(gz.length - 8);
    // Exact: zlib decodes the bytes before the offset, fails on the byte at it; all of it was read.
    expect(r.bytes.equals(decodable(found.bad.subarray(0, offset)))).toBe(true);
    expect(() => decodable(found.bad.subarray(0, offset + 1))).toThrow(found.message);
    expect(r.bytes.length).toBeGreaterThan(plain.length / 3);
  });

  it('a bad checksum at the end: every row read, reported at the trailer', async () => {
    const bad = Buffer.from(gz);
    bad.writeUInt8(bad.readUInt8(bad.length - 6) ^ 0xff, bad.length - 6);
    const r = await readAll(put('crc.csv.gz', bad));
    expect(r.broken).toMatchObject({ offset: gz.length - 5, message: 'incorrect data check' });
    expect(r.bytes.equals(plain)).toBe(true);
  });

  it('zero padding after the last member is ignored, but not what follows it', async () => {
    const padded = Buffer.concat([gzipSync('a\n'), Buffer.alloc(3000)]);
    expect(await readAll(put('pad.log.gz', padded))).toEqual({ bytes: Buffer.from('a\n'), broken: null });
    const lost = Buffer.concat([padded, gzipSync('b\n')]);
    const path = put('lost.log.gz', lost);
    expect(await readAll(path)).toEqual({
      bytes: Buffer.from('a\n'),
      broken: {
        file: path,
        offset: padded.length,
        message: `data after the zero padding at byte ${padded.length - 3000} not read`,
      },
    });
  });

  it('a .gz that is not gzip, or empty, is broken at byte 0 with no row; a plain file is never taken for gzip', async () => {
    const fake = put('fake.log.gz', 'not gzip\n');
    expect((await readAll(fake)).broken).toEqual({
      file: fake,
      offset: 0,
      message: 'not gzip data (starts with 6e 6f, expected 1f 8b)',
    });
    const empty = put('empty.csv.gz', '');
    expect((await readAll(empty)).broken?.message).toBe('not gzip data (empty file, expected 1f 8b)');
    expect((await readAll(put('plain.log.1', 'x'))).bytes.toString()).toBe('x');
    const error = await (async () => {
      for await (const _ of readInput(await input(fake)));
    })().catch((e: Error) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toBe(`${fake}: not gzip data (starts with 6e 6f, expected 1f 8b); no row read`);
  });

  it('the run goes on with the other files and lists the broken ones in input order', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.csv.gz'), gz.subarray(0, 5000));
    writeFileSync(join(dir, 'b.log.gz'), 'oops');
    writeFileSync(join(dir, 'c.csv'), text);
    const { output, rejects } = await ingest([dir]);
    expect(output.ingest.brokenArchives).toEqual([
      { file: join(dir, 'a.csv.gz'), offset: 5000, message: 'unexpected end of file' },
      { file: join(dir, 'b.log.gz'), offset: 0, message: 'not gzip data (starts with 6f 6f, expected 1f 8b)' },
    ]);
    // The cut's whole rows are duplicates of c.csv's (same event ids): nothing is counted twice.
    // Its cut last line is what a plain file ending there gives: here a short record.
    expect(output.ingest).toMatchObject({ accepted: 3000, duplicates: 234, rejected: 1 });
    expect(rejects).toEqual([
      { file: join(dir, 'a.csv.gz'), line: 236, reason: 'wrong field count', raw: '2026-03-20' },
    ]);
    // No brokenArchives key at all when nothing broke (the output of plain runs is unchanged).
    expect('brokenArchives' in (await ingest([join(dir, 'c.csv')])).output.ingest).toBe(false);
  });
});

describe('dashboards CLI with a broken archive', () => {
  const ROOT = join(import.meta.dirname, '..', '..', '..');
  const dir = join(tmp, 'cli');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const text = csvText(200, 3);
  const gz = gzipSync(text);
  writeFileSync(join(dir, 'logs', 'good.csv.gz'), gz);
  writeFileSync(join(dir, 'logs', 'cut.csv.3.gz'), gz.subarray(0, 1234));
  const cli = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['scripts/dashboards.ts', '--content', 'tests/fixtures/sharelog/content', '--in', join(dir, 'logs'), ...args],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { code: r.status, stderr: r.stderr };
  };
  const cut = join(dir, 'logs', 'cut.csv.3.gz');

  it('reports it, counts its rows, exits 0; 1 under --strict (as for rejected rows)', () => {
    const out = join(dir, 'a.json');
    const run = cli('--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `dashboards: warning: ${cut}: gzip data broken at byte 1234 (unexpected end of file); rows before it were read\n`,
    );
    expect(run.stderr).toContain('dashboards: 2 files (1 broken archive), ');
    const ingest = JSON.parse(readFileSync(out, 'utf8')).ingest;
    expect(ingest.brokenArchives).toEqual([{ file: cut, offset: 1234, message: 'unexpected end of file' }]);
    // The cut's whole rows are found again in good.csv.gz (duplicates); its cut last line counts
    // as a plain file's unterminated last line would: here a row whose event id lost its end,
    // so a new id (the price of reading what precedes the break; see docs/sharelog.md).
    expect(ingest.duplicates).toBeGreaterThan(10);
    expect(ingest.accepted).toBe(201);

    const strict = cli('--out', join(dir, 'b.json'), '--strict', '--quiet');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^dashboards: --strict: (\d+ rows rejected, )?1 broken archive\n$/);
    rmSync(cut);
    expect(cli('--out', join(dir, 'c.json'), '--strict', '--quiet')).toEqual({ code: 0, stderr: '' });
  }, 30_000);
});
