import type { InlineHashes } from '../src/csp/inline.ts';

/**
 * The hub's security headers, in one place for the build, nginx and the tests. Above all its
 * Content-Security-Policy, one per page, sent by nginx as a header:
 *
 * - the build (`src/integrations/csp.ts`) reads every page it wrote, hashes the inline scripts
 *   and `<style>` elements that page holds, and writes the page's policy (`pagePolicy`) to an
 *   nginx map in `dist/_csp/` (`src/csp/map.ts`);
 * - `deploy/nginx/relais.conf` includes that map and `relais-headers.conf` sends
 *   `Content-Security-Policy: $relais_csp` on every response: a page gets its own policy, any
 *   other file `defaultPolicy`, uploaded media `mediaPolicy`.
 *
 * A header, not a `<meta>`: it can carry `frame-ancestors` (and a `report-uri`), and a page's
 * policy lists only its own hashes (Astro's meta listed every hash of the build on every page).
 * `tests/unit/deploy/` checks that the nginx files say what this module says;
 * `tests/site/csp.test.ts` checks every built page's policy and loads page types in Chromium
 * through the real nginx, expecting no violation.
 */

type Directives = Record<string, readonly string[]>;

/**
 * What every page may do, before its own hashes:
 * - Scripts: own files only, never `'unsafe-inline'`; `'wasm-unsafe-eval'` lets Pagefind compile
 *   its WebAssembly (it does not allow `eval`).
 * - Styles: own files; `style` *attributes* are allowed (`style-src-attr 'unsafe-inline'`):
 *   components pass sizes as CSS custom properties (`style="--qr-size: 8rem"`, chart heights
 *   computed from the data). An attribute cannot hold a selector, and whatever `url()` it could
 *   name is still held by `img-src`/`font-src 'self'`.
 * - Never framed: presenter mode uses the Fullscreen API, not a frame. An intranet portal that
 *   must embed the hub puts its own origin in `frame-ancestors` and drops `X-Frame-Options`.
 */
export const hubDirectives: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'media-src': ["'self'"],
  'font-src': ["'self'"],
  // Pagefind fetches its index; the dashboards fetch nothing (their data is in the page).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * A page's policy: the hub's directives (those named in `replace` replaced), its inline code's
 * hashes, and `extra` sources (the admin's). A hash next to `'unsafe-inline'` would switch `'unsafe-inline'` off, so a directive
 * that allows inline code gets no hashes.
 * @example pagePolicy({ scripts: [], styles: ["'sha256-…'"] }) // "default-src 'self'; …; style-src 'self' 'sha256-…'; …"
 */
export function pagePolicy(hashes: InlineHashes, extra: Directives = {}, replace: Directives = {}): string {
  const own: Directives = { 'script-src': hashes.scripts, 'style-src': hashes.styles };
  const names = new Set([...Object.keys(hubDirectives), ...Object.keys(extra)]);
  return [...names]
    .map((name) => {
      const sources = [...(replace[name] ?? hubDirectives[name] ?? []), ...(extra[name] ?? [])];
      if (!sources.includes("'unsafe-inline'")) sources.push(...(own[name] ?? []));
      return `${name} ${[...new Set(sources)].join(' ')}`;
    })
    .join('; ');
}

/**
 * The digest preview's e-mail files (`admin/digest/digest-<week>-<locale>.html` under the base
 * path): the e-mail's HTML part as `npm run digest` writes it, shown by `/admin/digest/` in a
 * frame (src/pages/admin/digest/).
 */
export const previewFile = /^admin\/digest\/digest-[^/]+\.html$/;

/**
 * A preview file's policy. Its inline `<style>` elements (MJML's) get their hashes like any
 * page's, its `style` attributes are allowed like any page's (`style-src-attr`): no
 * `'unsafe-inline'` is needed. Two things differ from a page:
 * - `frame-ancestors 'self'` instead of `'none'` (and `X-Frame-Options: SAMEORIGIN`, see
 *   `hubHeaders`): the hub's own preview page frames it; no other site can;
 * - `img-src` adds the hub's address (`siteUrl`): the e-mail loads its images by absolute URL
 *   from there, also when the preview is read on another host (a staging server).
 * @example previewPolicy({ scripts: [], styles: [] }, 'https://hub.exemple.fr') // "…img-src 'self' data: https://hub.exemple.fr; …frame-ancestors 'self'"
 */
export const previewPolicy = (hashes: InlineHashes, siteUrl?: string): string =>
  pagePolicy(hashes, siteUrl ? { 'img-src': [origin(siteUrl)] } : {}, { 'frame-ancestors': ["'self'"] });

/** Files that are not pages (scripts, styles, images, Pagefind's index) and pages missing from the map. */
export const defaultPolicy = pagePolicy({ scripts: [], styles: [] });

/**
 * Files editors upload (`/media/`) are served with a policy of their own: an SVG opened
 * directly must not run script under the hub's origin.
 */
export const mediaPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/**
 * Only what the hub uses: copy buttons (`clipboard-write`) and the presenter mode
 * (`fullscreen`), for the hub itself; every powerful feature is denied, to it and to any frame.
 */
export const permissionsPolicy = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'display-capture=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'fullscreen=(self)',
].join(', ');

/** Referrer-Policy: the hub's pages, and the share route (no intranet URL reaches a network). */
export const referrerPolicy = { default: 'strict-origin-when-cross-origin', share: 'no-referrer' } as const;

/**
 * The headers nginx sends for a path under the base path (`tests/site/nginx.test.ts` checks
 * that it does): lets a test server stand in for nginx. `pagePolicyOf` gives a page's policy
 * from the build's map (`readPolicies` in src/csp/map.ts); other paths get `defaultPolicy`.
 * @example hubHeaders('/hub/partager/ma-carte/linkedin/', '/hub/')['referrer-policy'] // 'no-referrer'
 */
export function hubHeaders(
  path: string,
  base: string,
  pagePolicyOf: (path: string) => string | undefined = () => undefined,
): Record<string, string> {
  const rest = path.startsWith(base) ? path.slice(base.length) : path;
  return {
    'content-security-policy': rest.startsWith('media/') ? mediaPolicy : (pagePolicyOf(path) ?? defaultPolicy),
    'x-frame-options': previewFile.test(rest) ? 'SAMEORIGIN' : 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': /^(en\/)?partager\//.test(rest) ? referrerPolicy.share : referrerPolicy.default,
    'cross-origin-opener-policy': rest.startsWith('admin/') ? 'same-origin-allow-popups' : 'same-origin',
    'permissions-policy': permissionsPolicy,
  };
}

/**
 * What the suggestion form's pages (`/proposer/`) add to the hub's policy: the form endpoint's
 * origin in `form-action` (the form posts there), and `mailto:` when the e-mail channel's
 * button hands the form to the mail client. Every other page keeps `form-action 'self'`.
 * @example proposalDirectives({ endpoint: 'https://forms.exemple.fr/x' }) // { 'form-action': ['https://forms.exemple.fr'] }
 */
export function proposalDirectives(channels: {
  email?: string | undefined;
  endpoint?: string | undefined;
}): Directives {
  const sources = [...(channels.endpoint ? [origin(channels.endpoint)] : []), ...(channels.email ? ['mailto:'] : [])];
  return sources.length ? { 'form-action': sources } : {};
}

/** The Git backend part of Decap's configuration that the admin's policy depends on. */
export interface CmsBackendHosts {
  name: string;
  proxy_url?: string | undefined;
  base_url?: string | undefined;
  api_root?: string | undefined;
}

const origin = (url: string) => new URL(url).origin;

/**
 * The extra sources of the admin's policy (`/admin/`, Decap CMS), derived from the backend the
 * build configured so that no other host is reachable:
 * - `connect-src`: the Git API (GitHub `https://api.github.com` unless `api_root` says
 *   otherwise; GitLab and Gitea: `api_root` and `base_url`, where the PKCE token is exchanged;
 *   local: decap-server's `proxy_url`).
 * - `img-src blob:`: Decap shows media it fetched through the API as `blob:` URLs; plus the
 *   forge that serves the editor's avatar.
 * - `style-src 'unsafe-inline'`: Decap's React UI (emotion) writes `<style>` elements at run time
 *   and its preview frame receives the site's stylesheet as text. Scripts stay strict.
 * @example adminSources({ name: 'github' }).connect // ["https://api.github.com"]
 */
export function adminSources(backend: CmsBackendHosts): { connect: string[]; img: string[]; style: string[] } {
  const api = new Set<string>();
  const img = new Set<string>(['blob:']);
  if (backend.name === 'proxy' && backend.proxy_url) api.add(origin(backend.proxy_url));
  if (backend.name === 'github') {
    api.add(origin(backend.api_root ?? 'https://api.github.com'));
    if (!backend.api_root) img.add('https://avatars.githubusercontent.com');
  }
  if (backend.name === 'gitlab' || backend.name === 'gitea') {
    for (const url of [backend.api_root, backend.base_url]) if (url) api.add(origin(url));
    // The editor's avatar comes from the forge itself.
    if (backend.base_url) img.add(origin(backend.base_url));
  }
  return { connect: [...api], img: [...img], style: ["'unsafe-inline'"] };
}

/**
 * What the admin (`/admin/`, Decap CMS) adds to the hub's policy: `adminSources`, and
 * `'unsafe-eval'` because Decap validates its configuration with Ajv, which compiles validators
 * with `new Function` (without it the admin stops at « Error loading the CMS configuration »;
 * `tests/site/csp.test.ts` checks that it still does). No other page gets it.
 */
export function adminDirectives(backend: CmsBackendHosts): Directives {
  const sources = adminSources(backend);
  return {
    'script-src': ["'unsafe-eval'"],
    'style-src': sources.style,
    'connect-src': sources.connect,
    'img-src': sources.img,
  };
}
