import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { root } from '../../lib/paths.ts';

const { entries, problems } = loadContent(root);
const fr = (collection: string) => entries.filter((e) => e.collection === collection && e.locale === 'fr');
const data = <T>(e: { data: unknown }) => e.data as T;

/** The embedded sample programme is the demo every new installation starts from. */
describe('sample programme', () => {
  it('passes every schema, reference and short-code check', () => {
    expect(formatProblems(problems)).toBe('');
  });

  it.each([
    ['capsules', 10],
    ['paths', 2],
    ['guidelines', 8],
    ['testimonials', 6],
    ['cards', 15],
    ['challenges', 2],
    ['events', 6],
  ])('%s: at least %i entries in French', (collection, min) => {
    expect(fr(collection).length).toBeGreaterThanOrEqual(min);
  });

  it('covers the three levels, four themes or more, both challenge kinds', () => {
    expect(new Set(fr('capsules').map((e) => data<{ level: string }>(e).level)).size).toBe(3);
    expect(new Set(fr('cards').map((e) => data<{ theme: string }>(e).theme)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(fr('challenges').map((e) => data<{ kind: string }>(e).kind))).toEqual(
      new Set(['personal', 'collective']),
    );
    for (const card of fr('cards'))
      expect(data<{ variants: unknown[] }>(card).variants.length).toBeGreaterThanOrEqual(2);
    for (const capsule of fr('capsules'))
      expect(data<{ chapters: unknown[] }>(capsule).chapters.length).toBeGreaterThan(0);
  });

  it('translates at least a third of the entries into English', () => {
    const english = entries.filter((e) => e.locale === 'en');
    const french = entries.filter((e) => e.locale === 'fr');
    expect(english.length / french.length).toBeGreaterThanOrEqual(1 / 3);
    for (const e of english) expect(french.some((f) => f.collection === e.collection && f.slug === e.slug)).toBe(true);
  });

  it('ships at least three capsules with a local video, poster and captions that exist', () => {
    const withVideo = fr('capsules')
      .map((e) => data<{ video?: string; poster?: string; captions?: string }>(e))
      .filter((d) => d.video?.startsWith('/media/') && d.poster && d.captions);
    expect(withVideo.length).toBeGreaterThanOrEqual(3);
    for (const d of withVideo)
      for (const path of [d.video, d.poster, d.captions])
        expect(existsSync(join(root, 'public', path ?? ''))).toBe(true);
  });

  it('keeps its media small enough for the repository (< 5 MB)', () => {
    const size = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (sum, d) => sum + (d.isDirectory() ? size(join(dir, d.name)) : statSync(join(dir, d.name)).size),
        0,
      );
    expect(size(join(root, 'public/media'))).toBeLessThan(5 * 1024 * 1024);
  });
});
