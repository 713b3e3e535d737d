import { linkSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemo } from '../../../src/lib/file-memo.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relais-memo-'));
  dirs.push(dir);
  return dir;
}
const old = new Date(Date.now() - 3_600_000);
function page(path: string, text: string, at: Date | null = old): string {
  writeFileSync(path, text);
  if (at) utimesSync(path, at, at);
  return path;
}

/** One build: derives every file through a memo, counting the reads; says what it got. */
function build(memoFile: string, files: string[], version = 'v1') {
  const memo = openMemo<string>(memoFile, version);
  const read: string[] = [];
  const got = files.map((f) =>
    memo.get(f, (bytes) => {
      read.push(f);
      return bytes.toString().toUpperCase();
    }),
  );
  return { got, read, reused: memo.save() };
}

describe('file memo', () => {
  it('reads a file once across builds while it is the same file, wherever it is linked', () => {
    const dir = folder();
    const memo = join(dir, 'memo', 'm.json');
    const a = page(join(dir, 'a.html'), 'alpha');
    const b = page(join(dir, 'b.html'), 'bravo');
    expect(build(memo, [a, b])).toEqual({ got: ['ALPHA', 'BRAVO'], read: [a, b], reused: 0 });
    const linked = join(dir, 'c.html');
    linkSync(a, linked);
    expect(build(memo, [linked, b])).toEqual({ got: ['ALPHA', 'BRAVO'], read: [], reused: 2 });
  });

  it('reads again a file rewritten with the same size, a new file, and all after a code change', () => {
    const dir = folder();
    const memo = join(dir, 'm.json');
    const a = page(join(dir, 'a.html'), 'alpha');
    build(memo, [a]);
    page(a, 'omega', new Date(old.getTime() + 1));
    expect(build(memo, [a])).toMatchObject({ got: ['OMEGA'], read: [a] });
    expect(build(memo, [a], 'v2')).toMatchObject({ got: ['OMEGA'], read: [a], reused: 0 });
  });

  it('does not remember a file written just now (a second write could keep its mtime)', () => {
    const dir = folder();
    const memo = join(dir, 'm.json');
    const fresh = page(join(dir, 'fresh.html'), 'new', null);
    build(memo, [fresh]);
    expect(build(memo, [fresh]).read).toEqual([fresh]);
  });

  it('forgets files a build did not ask for, and survives an unreadable memo', () => {
    const dir = folder();
    const memo = join(dir, 'm.json');
    const a = page(join(dir, 'a.html'), 'alpha');
    const b = page(join(dir, 'b.html'), 'bravo');
    build(memo, [a, b]);
    build(memo, [a]);
    expect(build(memo, [a, b]).read).toEqual([b]);
    writeFileSync(memo, '{ not json');
    expect(build(memo, [a]).read).toEqual([a]);
  });
});
