import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Counts, generateProgramme } from '../../../scripts/lib/programme/generate.ts';
import { readSample } from '../../../scripts/lib/programme/sample.ts';
import { writeProgramme } from '../../../scripts/lib/programme/write.ts';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { root } from '../../lib/paths.ts';

/** A small programme: more entries than the sample for cards and capsules, fewer elsewhere. */
const counts: Counts = { cards: 50, capsules: 20, paths: 3, guidelines: 10, testimonials: 5, challenges: 3, events: 8 };
const sample = readSample(join(root, 'content'));
const generate = (seed: number) => generateProgramme(sample, { counts, seed, english: 0.4 });
const tmp = mkdtempSync(join(tmpdir(), 'relais-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scaled programme generator', () => {
  it('writes a programme the content model accepts with zero problems', () => {
    writeProgramme(generate(7), join(tmp, 'content'), { protect: [join(root, 'content')] });
    const { entries, problems } = loadContent(tmp, 'content');
    expect(formatProblems(problems)).toBe('');
    const fr = (c: string) => entries.filter((e) => e.collection === c && e.locale === 'fr').length;
    expect(Object.fromEntries(Object.keys(counts).map((c) => [c, fr(c)]))).toEqual(counts);
    const english = entries.filter((e) => e.locale === 'en').length;
    expect(english / entries.filter((e) => e.locale === 'fr').length).toBeGreaterThan(0.25);
  });

  it('gives the same files for a seed, other files for another seed', () => {
    const a = generate(7);
    expect([...generate(7)]).toEqual([...a]);
    expect([...generate(8)]).not.toEqual([...a]);
  });

  it('refuses to write into the real content folder', () => {
    expect(() =>
      writeProgramme(generate(7), join(root, 'content', 'x'), { protect: [join(root, 'content')] }),
    ).toThrowError(/refusing to write/);
  });
});
