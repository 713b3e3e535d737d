import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { createElement, type ReactNode } from 'react';
import { type UIKey, useTranslations } from '../../src/i18n/index.ts';

/** Previews speak the site's words: the French dictionary employees read. */
export const t = useTranslations('fr');

/** The site's label of an enum value: `label('theme', 'rse')` → « RSE ». */
export const label = (prefix: string, value: string) => t(`${prefix}.${value}` as UIKey);

export type PreviewProps = PreviewTemplateComponentProps;

/** The entry being edited as plain data (Decap hands an Immutable map). */
export function dataOf<T>(props: PreviewProps): Partial<T> {
  const data = props.entry.get('data') as { toJS?: () => unknown } | undefined;
  return (data?.toJS?.() ?? {}) as Partial<T>;
}

/** `/media/x.png` resolved by Decap to what it can show (the repository file, or an upload). */
export const assetUrl = (props: PreviewProps, path: string | undefined) =>
  path ? String(props.getAsset(path) ?? path) : undefined;

export const h = createElement;

/** A titled list (objectives, do / don't), left out when empty. */
export function list(title: string, items: readonly ReactNode[] | undefined, className = ''): ReactNode {
  if (!items?.length) return null;
  return h(
    'section',
    { className },
    h('h2', null, title),
    h(
      'ul',
      null,
      items.map((item, i) => h('li', { key: i }, item)),
    ),
  );
}

/** The page frame of the site (`.wrap` inside `main`), so widths and fonts match. */
export const page = (...children: ReactNode[]) =>
  h('main', { id: 'main' }, h('div', { className: 'wrap' }, ...children));
