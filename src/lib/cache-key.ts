import { createHash } from 'node:crypto';
import { restoreUnchanged } from './cache-restore.ts';
import { getSettings } from './entries.ts';
import { imageSize } from './image-size.ts';

/**
 * `cacheKey`s for Astro's incremental build (`experimental.incrementalBuild`, see
 * docs/architecture.md): a page whose key and code are unchanged since the previous build is
 * copied from `cacheDir` instead of rendered. Astro hashes the code (the page's module graph and
 * client scripts, the config, the lock file; src/integrations/incremental.ts adds that any code
 * change renders every page); the key covers the data, so it must change whenever anything the
 * page shows changes. It hashes:
 * - the page's props, whole (an entry with its front matter, body and translation state);
 * - what the layout reads on every page: the programme settings (name, colours, logo) and the
 *   logo file's own size (the header reserves its box from it: a new logo under the same name
 *   must re-render every page);
 * - whatever else the route reads, named by the route (a card's status today, its shares).
 * Lists of other entries a page reads are inputs too (a capsule's learning paths): editing one
 * capsule renders every capsule page again, a card does not. Pages made of lists (home,
 * catalogues, the agenda, dashboards) give no key: they are rendered on every build. Two list
 * pages costly to render are keyed by their lists: the trainer kit (its QR codes) and the
 * digest preview (MJML).
 */
export async function cacheKey(...inputs: unknown[]): Promise<string> {
  const hash = createHash('sha256').update(await siteDigest());
  for (const input of inputs) hash.update('\0').update(digestOf(input));
  return hash.digest('base64url');
}

/**
 * Gives each of a route's paths its `cacheKey`: its props, plus what `reads` returns of what
 * the page reads besides them.
 */
export async function withCacheKeys<P extends { props: object }>(
  paths: P[],
  reads: (props: P['props']) => unknown[] | Promise<unknown[]> = () => [],
): Promise<Array<P & { cacheKey: string }>> {
  return Promise.all(
    paths.map(async (path) => {
      const key = await cacheKey(path.props, ...(await reads(path.props)));
      // A page whose key is unchanged is linked from the cache now (src/lib/cache-restore.ts).
      restoreUnchanged(key);
      return { ...path, cacheKey: key };
    }),
  );
}

// Share routes key the same entry once per network, and every capsule page the same list of
// capsules (getLocalized returns one list per locale): each object is hashed once per build.
const digests = new WeakMap<object, string>();

/**
 * Digest of a value: a JSON form (dates as ISO strings), memoised per object. A list and a
 * route's props are digested from their parts' digests rather than as one JSON text: a route
 * hands the same entries to its pages in lists built anew (and in a new props object per page),
 * and hashing each as JSON again cost seconds on the scaled programme (a 2 MB list of capsules
 * per event page). The marks (`#` before an object's digest, `[` and `{` opening a list's and
 * a route's parts) keep a list, an object and a JSON value apart.
 */
function digestOf(value: unknown, top = true): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  const known = digests.get(value);
  if (known) return known;
  let text: string;
  if (Array.isArray(value)) text = `[${value.map((item) => digestOf(item, false)).join(',')}`;
  else if (top && Object.getPrototypeOf(value) === Object.prototype)
    text = `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${digestOf(item, false)}`)
      .join(',')}`;
  else text = JSON.stringify(value) ?? '';
  const digest = `#${createHash('sha256').update(text).digest('base64url')}`;
  digests.set(value, digest);
  return digest;
}

let site: Promise<string> | undefined;
const siteDigest = () => {
  site ??= getSettings().then((data) => digestOf([data, data.logo ? (imageSize(data.logo) ?? null) : null]));
  return site;
};
