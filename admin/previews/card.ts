import type { CardData } from '../../src/model/schemas/card.ts';
import { type Network, networks, variantLimit } from '../../src/model/schemas/networks.ts';
import { assetUrl, dataOf, h, label, list, type PreviewProps, page, t } from './entry.ts';

type Variant = { network?: Network; text?: string };

/**
 * A share card as employees see it, plus what only editors need: each text variant's length
 * against the limit of the network it will be posted to (the build rejects a text over it).
 */
export function CardPreview(props: PreviewProps) {
  const card = dataOf<CardData>(props);
  const cardNetworks = (card.networks?.length ? card.networks : networks) as Network[];
  const variants = (card.variants ?? []) as Variant[];
  const own = variants.map((v) => v.network);
  const image = assetUrl(props, card.image);
  return page(
    h(
      'article',
      { className: 'tile' },
      h('p', { className: 'chips' }, card.theme && h('span', { className: 'chip' }, label('theme', card.theme))),
      h('h1', null, card.title),
      card.campaign && h('p', { className: 'meta' }, `${t('cards.campaign')} : ${card.campaign}`),
      image && h('img', { src: image, alt: card.imageAlt ?? '', style: { maxWidth: '100%' } }),
      card.why && h('section', null, h('h2', null, t('cards.why')), h('p', null, card.why)),
      variants.map((v, i) => {
        const bound = variantLimit(v, cardNetworks, own);
        const length = v.text?.length ?? 0;
        const over = bound && length > bound.limit;
        return h(
          'section',
          { key: i },
          h(
            'h2',
            null,
            t('cards.variant', { n: i + 1, total: variants.length }),
            v.network ? ` (${t('cards.variantFor', { network: label('network', v.network) })})` : '',
          ),
          h('p', { style: { whiteSpace: 'pre-wrap' } }, v.text),
          bound &&
            h(
              'p',
              { className: over ? 'notice' : 'meta' },
              `${length} / ${bound.limit} caractères (${label('network', bound.network)})`,
            ),
        );
      }),
      list(
        t('cards.hashtags'),
        card.hashtags?.map((tag) => `#${tag}`),
      ),
      card.url && h('p', null, h('a', { className: 'button', href: card.url }, t('cards.link'))),
      props.widgetFor('body'),
    ),
  );
}
