import { withCacheKeys } from './cache-key.ts';
import { shortLinkedEntries } from './short-linked.ts';

/**
 * `getStaticPaths` of the QR code files: one per short code (old codes get no QR: a slide is
 * made from the current one). The key is the code and the settings (the site's address): a warm
 * build reuses every file.
 */
export async function qrStaticPaths() {
  return withCacheKeys(
    (await shortLinkedEntries()).map((e) => ({ params: { code: e.code }, props: { code: e.code } })),
  );
}
