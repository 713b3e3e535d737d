import type { TestimonialData } from '../../src/model/schemas/testimonial.ts';
import { assetUrl, dataOf, h, type PreviewProps, page } from './entry.ts';

/**
 * A testimonial as a quote card. Without a consent date the build refuses the entry: the
 * preview says so before the editor saves.
 */
export function TestimonialPreview(props: PreviewProps) {
  const person = dataOf<TestimonialData>(props);
  const photo = assetUrl(props, person.photo);
  return page(
    !person.consent && h('p', { className: 'notice' }, 'Sans date de consentement, ce témoignage ne sera pas publié.'),
    h(
      'figure',
      { className: 'tile' },
      photo &&
        h('img', { src: photo, alt: person.photoAlt ?? '', width: 96, height: 96, style: { borderRadius: '50%' } }),
      h('blockquote', null, h('p', null, person.quote)),
      h(
        'figcaption',
        null,
        h('strong', null, person.name),
        h('br'),
        h('span', { className: 'meta' }, [person.role, person.team].filter(Boolean).join(' · ')),
      ),
    ),
    props.widgetFor('body'),
  );
}
