import { describe, expect, it } from 'vitest';
import { charterOrder, charterSections } from '../../../src/components/training/charter.ts';
import { captionsLang, videoType } from '../../../src/components/training/media.ts';
import type { GuidelineCategory } from '../../../src/model/schemas/guideline.ts';

const g = (category: GuidelineCategory, order: number, title: string) => ({ data: { category, order, title } });

describe('charter order', () => {
  it('sorts by category (schema order), then order, then title', () => {
    const list = [
      g('faq', 1, 'Q'),
      g('reseaux', 2, 'X'),
      g('regles', 2, 'B'),
      g('regles', 1, 'Z'),
      g('regles', 2, 'A'),
    ];
    expect(charterOrder(list).map((x) => x.data.title)).toEqual(['Z', 'A', 'B', 'X', 'Q']);
    expect(charterSections(list).map((s) => s.category)).toEqual(['regles', 'reseaux', 'faq']);
  });
});

describe('capsule media', () => {
  it('reads the captions language from the file name', () => {
    expect(captionsLang('/media/capsules/x.en.vtt', 'fr')).toBe('en');
    expect(captionsLang('/media/capsules/x.vtt', 'fr')).toBe('fr');
  });
  it('types videos by extension', () => {
    expect(videoType('/media/x.webm')).toBe('video/webm');
    expect(videoType('https://cdn.example/x.mp4?v=2')).toBe('video/mp4');
    expect(videoType('https://video.example/watch')).toBeUndefined();
  });
});
