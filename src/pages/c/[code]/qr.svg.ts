/** `/c/<code>/qr.svg`: the short link's QR code as a file, for trainers' slides. */
import type { APIRoute } from 'astro';
import { qrSvgFile } from '../../../lib/qr.ts';
import { qrStaticPaths } from '../../../lib/qr-routes.ts';
import { shortLinkUrl } from '../../../lib/shortlinks.ts';

export const getStaticPaths = qrStaticPaths;

export const GET: APIRoute<{ code: string }> = async ({ props, site }) =>
  new Response(await qrSvgFile(shortLinkUrl(props.code, site)), { headers: { 'Content-Type': 'image/svg+xml' } });
