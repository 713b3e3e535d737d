import type { Brand } from '../brand.ts';
import { fontFamily } from '../fonts.ts';
import { h, img, type OgNode } from '../h.ts';

/**
 * Pieces shared by both formats. Colours come from the settings; white text on the primary
 * colour is readable because the settings tests hold that colour to AA contrast with white.
 */

/** The full-bleed background with the two rings echoing the logo's arcs. */
export function frame(brand: Brand, width: number, height: number, ring: number, ...children: OgNode[]): OgNode {
  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      position: 'relative',
      width,
      height,
      backgroundColor: brand.primary,
      color: '#ffffff',
      fontFamily,
      overflow: 'hidden',
    },
    h('div', {
      position: 'absolute',
      right: -ring * 0.45,
      top: -ring * 0.45,
      width: ring,
      height: ring,
      borderRadius: ring,
      border: `${Math.round(ring / 9)}px solid ${brand.accent}`,
    }),
    h('div', {
      position: 'absolute',
      right: -ring * 0.2,
      top: ring * 0.2,
      width: ring * 0.7,
      height: ring * 0.7,
      borderRadius: ring,
      border: `${Math.round(ring / 14)}px solid rgba(255, 255, 255, 0.14)`,
    }),
    h('div', { position: 'absolute', left: 0, bottom: 0, width, height: 14, backgroundColor: brand.accent }),
    ...children,
  );
}

/** The type label ("Capsule") as a white pill. */
export const label = (text: string, brand: Brand, size: number) =>
  h(
    'div',
    {
      display: 'flex',
      padding: `${size * 0.4}px ${size * 0.8}px`,
      borderRadius: 999,
      backgroundColor: '#ffffff',
      color: brand.primary,
      fontSize: size,
      fontWeight: 700,
      letterSpacing: 1,
      textTransform: 'uppercase',
    },
    text,
  );

/** A detail ("12 min", "Débutant") as an outlined pill. */
export const chip = (text: string, size: number) =>
  h(
    'div',
    {
      display: 'flex',
      padding: `${size * 0.35}px ${size * 0.7}px`,
      borderRadius: 999,
      border: '2px solid rgba(255, 255, 255, 0.55)',
      fontSize: size,
      fontWeight: 400,
    },
    text,
  );

/**
 * Text cut after `lines` lines with an ellipsis (Satori's `lineClamp`, which needs a block).
 */
export const clamped = (text: string, size: number, lines: number, weight: 400 | 700, lineHeight = 1.15) =>
  h('div', { display: 'block', fontSize: size, fontWeight: weight, lineHeight, lineClamp: lines }, text);

/** The logo on a white plate (logos are designed for light backgrounds), or the name alone. */
export function logoPlate(brand: Brand, scale = 1): OgNode {
  const pad = `${12 * scale}px ${20 * scale}px`;
  const plate = { display: 'flex', alignItems: 'center', padding: pad, borderRadius: 16 * scale };
  if (!brand.logo)
    return h(
      'div',
      { ...plate, backgroundColor: '#ffffff', color: brand.primary, fontSize: 30 * scale, fontWeight: 700 },
      brand.name,
    );
  const { src, width, height } = brand.logo;
  return h('div', { ...plate, backgroundColor: '#ffffff' }, img(src, width * scale, height * scale));
}

/**
 * A title size that suits its length: short titles get big type, long ones shrink a little
 * before the clamp has to cut them.
 */
export function titleSize(title: string, sizes: [number, number, number]): number {
  if (title.length <= 38) return sizes[0];
  if (title.length <= 75) return sizes[1];
  return sizes[2];
}
