import type { CapsuleData } from '../../src/model/schemas/capsule.ts';
import { assetUrl, dataOf, h, label, list, type PreviewProps, page, t } from './entry.ts';

type Chapter = { start?: number | string; title?: string };

/** A training capsule: level, duration, objectives, chapters, then the text. */
export function CapsulePreview(props: PreviewProps) {
  const capsule = dataOf<CapsuleData>(props);
  const poster = assetUrl(props, capsule.poster);
  const chapters = (capsule.chapters ?? []) as Chapter[];
  return page(
    h(
      'article',
      null,
      h('h1', null, capsule.title),
      h(
        'p',
        { className: 'chips' },
        capsule.level && h('span', { className: 'chip' }, label('level', capsule.level)),
        capsule.duration && h('span', { className: 'chip' }, t('capsules.minutes', { n: capsule.duration })),
      ),
      h('p', { className: 'meta' }, capsule.summary),
      poster && h('img', { src: poster, alt: '', style: { maxWidth: '100%' } }),
      list(t('capsules.objectives'), capsule.objectives),
      list(
        t('capsules.chapters'),
        chapters.map((c) => `${c.start ?? ''} · ${c.title ?? ''}`),
      ),
      props.widgetFor('body'),
    ),
  );
}
