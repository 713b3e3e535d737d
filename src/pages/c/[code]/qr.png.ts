/** `/c/<code>/qr.png`: the short link's QR code as a PNG, for slide tools that take no SVG. */
import type { APIRoute } from 'astro';
import { qrPng } from '../../../lib/qr-png.ts';
import { qrStaticPaths } from '../../../lib/qr-routes.ts';
import { shortLinkUrl } from '../../../lib/shortlinks.ts';

export const getStaticPaths = qrStaticPaths;

export const GET: APIRoute<{ code: string }> = ({ props, site }) =>
  new Response(new Uint8Array(qrPng(shortLinkUrl(props.code, site))), { headers: { 'Content-Type': 'image/png' } });
