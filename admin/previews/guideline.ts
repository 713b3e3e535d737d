import type { GuidelineData } from '../../src/model/schemas/guideline.ts';
import { dataOf, h, label, list, type PreviewProps, page, t } from './entry.ts';

/** A page of the charter: its category, the gist, what to do and what to avoid. */
export function GuidelinePreview(props: PreviewProps) {
  const rule = dataOf<GuidelineData>(props);
  return page(
    h(
      'article',
      null,
      rule.category &&
        h('p', { className: 'chips' }, h('span', { className: 'chip' }, label('category', rule.category))),
      h('h1', null, rule.title),
      h('p', { className: 'meta' }, rule.summary),
      h(
        'div',
        { className: 'grid' },
        list(t('guidelines.do'), rule.do, 'tile'),
        list(t('guidelines.dont'), rule.dont, 'tile'),
      ),
      props.widgetFor('body'),
    ),
  );
}
