import type { Brand } from '../brand.ts';
import type { OgContent } from '../content.ts';
import { h, type OgNode } from '../h.ts';
import { chip, clamped, frame, label, logoPlate, titleSize } from './parts.ts';

/**
 * The square visual of a share card, 1080×1080, for posts that carry an image rather than a
 * link preview (Instagram, LinkedIn image posts). Same parts as the wide image, stacked, with
 * room for up to 5 lines of title.
 */
export function square(content: OgContent, brand: Brand): OgNode {
  const size = titleSize(content.title, [96, 80, 68]);
  return frame(
    brand,
    1080,
    1080,
    760,
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '88px 88px 84px' },
      h(
        'div',
        { display: 'flex', alignItems: 'center', gap: 16, maxWidth: 760, flexWrap: 'wrap' },
        label(content.label, brand, 28),
        ...content.details.map((d) => chip(d, 28)),
      ),
      h(
        'div',
        { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, gap: 28 },
        clamped(content.title, size, 5, 700, 1.12),
        content.subtitle !== undefined &&
          h('div', { display: 'flex', opacity: 0.9 }, clamped(content.subtitle, 34, 3, 400, 1.3)),
      ),
      h('div', { display: 'flex', alignItems: 'center' }, logoPlate(brand, 1.3)),
    ),
  );
}
