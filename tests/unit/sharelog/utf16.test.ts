import { describe, expect, it } from 'vitest';
import { utf16Aware } from '../../../src/sharelog/utf16.ts';

/** Feeds `bytes` in chunks of `size` and returns what the inner reader received, as UTF-8 text. */
function through(bytes: Buffer, size: number): { text: string; chunks: number } {
  const got: Buffer[] = [];
  const source = utf16Aware({ push: (c) => got.push(Buffer.from(c)), end: () => {} });
  for (let i = 0; i < bytes.length; i += size) source.push(bytes.subarray(i, i + size));
  source.end();
  return { text: Buffer.concat(got).toString('utf8'), chunks: got.length };
}

const TEXT = 'date\tlabel\tnb_visits\n2026-12-03\tsalon - linkedin - ambassador -  - v1\t1\u202f234\nÉté 😀\n';

describe('UTF-16 inputs (Matomo’s CSV/TSV encoding)', () => {
  it('decodes UTF-16LE and UTF-16BE with their mark, whatever the chunking (surrogate pairs, split bytes)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] as number, be[i] as number];
    for (const size of [1, 3, 7, 1 << 20]) {
      expect(through(le, size).text).toBe(TEXT);
      expect(through(be, size).text).toBe(TEXT);
    }
  });

  it('passes anything else through untouched, chunk for chunk', () => {
    const utf8 = Buffer.from(`\uFEFF${TEXT}`);
    expect(through(utf8, 5)).toEqual({ text: `\uFEFF${TEXT}`, chunks: Math.ceil(utf8.length / 5) });
    expect(through(Buffer.from('x'), 1).text).toBe('x');
  });
});
