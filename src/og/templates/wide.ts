import type { Brand } from '../brand.ts';
import type { OgContent } from '../content.ts';
import { h, type OgNode } from '../h.ts';
import { chip, clamped, frame, label, logoPlate, titleSize } from './parts.ts';

/**
 * The link preview, 1200×630: type label and details on top, the title (at most 3 lines), a
 * subtitle, then the logo. Networks crop the edges on small screens, hence the wide margins.
 * A testimonial's title is its quotation, set a size smaller.
 */
export function wide(content: OgContent, brand: Brand): OgNode {
  const quote = content.kind === 'testimonial';
  const size = titleSize(content.title, quote ? [52, 46, 40] : [72, 62, 54]);
  return frame(
    brand,
    1200,
    630,
    520,
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '60px 72px 56px' },
      h(
        'div',
        { display: 'flex', alignItems: 'center', gap: 14, maxWidth: 880, flexWrap: 'wrap' },
        label(content.label, brand, 22),
        ...content.details.map((d) => chip(d, 22)),
      ),
      h(
        'div',
        { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, maxWidth: 940, gap: 18 },
        clamped(content.title, size, quote ? 4 : 3, 700),
        content.subtitle !== undefined &&
          h('div', { display: 'flex', opacity: 0.9 }, clamped(content.subtitle, 28, 2, 400, 1.3)),
      ),
      h('div', { display: 'flex', alignItems: 'center' }, logoPlate(brand)),
    ),
  );
}
