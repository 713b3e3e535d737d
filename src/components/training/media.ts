import { withBase } from '../../lib/urls.ts';

/**
 * The address of a media field: `/media/…` files live in `public/` and need the base path;
 * absolute URLs are kept as they are.
 * @example mediaUrl('/media/capsules/charte.webm') // "/hub/media/capsules/charte.webm" under base "/hub/"
 */
export const mediaUrl = (path: string) => (path.startsWith('/') ? withBase(path) : path);

/**
 * The language of a captions file: `charte.en.vtt` is English whatever page shows it; a file
 * without a language suffix is in the page's content language.
 */
export function captionsLang(path: string, fallback: string): string {
  return /\.([a-z]{2})\.vtt$/i.exec(path)?.[1]?.toLowerCase() ?? fallback;
}

/** MIME type from the file extension, so browsers skip formats they cannot play. */
export function videoType(path: string): string | undefined {
  const ext = /\.(\w+)(?:[?#].*)?$/.exec(path)?.[1]?.toLowerCase();
  return ext === 'webm' ? 'video/webm' : ext === 'mp4' ? 'video/mp4' : ext === 'ogv' ? 'video/ogg' : undefined;
}
