/**
 * Satori reads plain `{ type, props }` objects, the shape React elements have: the templates
 * build them with this helper instead of JSX, so rendering needs no React runtime and the
 * files run as they are under Node's type stripping (in the build's worker threads too).
 */
export type OgStyle = Record<string, string | number>;
export interface OgNode {
  type: string;
  props: { style?: OgStyle; children?: OgChild | OgChild[]; [attribute: string]: unknown };
}
export type OgChild = OgNode | string;

/**
 * An element with a style and children; `false` and `undefined` children are dropped so that
 * optional parts read as `cond && h(...)`.
 * @example h('div', { display: 'flex' }, 'Bonjour')
 */
export function h(type: string, style: OgStyle, ...children: (OgChild | false | undefined)[]): OgNode {
  const kept = children.filter((c): c is OgChild => c !== false && c !== undefined);
  // Satori wants a lone child as is, and no `children` at all for an empty box.
  if (kept.length === 0) return { type, props: { style } };
  const [only] = kept;
  return { type, props: { style, children: kept.length === 1 && only !== undefined ? only : kept } };
}

/** An image (the logo): Satori needs its box size up front. */
export const img = (src: string, width: number, height: number): OgNode => ({
  type: 'img',
  props: { src, width, height, style: { width, height } },
});
