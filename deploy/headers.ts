import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * The hub's security headers, in one place for the build, nginx and the tests. Above all its
 * Content-Security-Policy:
 *
 * It is split in two, and the browser enforces both (a resource must pass each policy):
 * - **the page's `<meta http-equiv="content-security-policy">`**, written by Astro's
 *   `security.csp` at build time (`astro.config.mjs`): every directive that depends on the page,
 *   above all `script-src`/`style-src` with the hashes of the scripts and styles Astro inlines.
 *   It travels with `dist/`, so it can never fall out of step with the pages.
 * - **the nginx header** (`deploy/nginx/relais-headers.conf`): the directives a `<meta>` cannot
 *   carry (`frame-ancestors`) plus a few that never depend on the page. It has no `default-src`,
 *   `script-src` or `style-src`, so it never blocks what the meta allows.
 *
 * `tests/unit/deploy/` checks that the nginx files say what this module says; `tests/site/csp.test.ts`
 * loads every page type in Chromium behind the real headers and expects no violation.
 */

/** Directives for every page (the meta's part, besides script/style). */
export const hubDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  // Pagefind fetches its index; the dashboards fetch nothing (their data is in the page).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * `security.csp` for `astro.config.mjs`.
 * - Scripts: own files and the hashes of the module scripts Astro inlines; `'wasm-unsafe-eval'`
 *   lets Pagefind compile its WebAssembly (it does not allow `eval`). Never `'unsafe-inline'`.
 * - Styles: own files and the hashes of inlined `<style>` elements. `style` *attributes* are
 *   allowed (`style-src-attr 'unsafe-inline'`): components pass sizes as CSS custom properties
 *   (`style="--qr-size: 8rem"`, chart heights computed from the data). An attribute cannot hold
 *   a selector, and whatever `url()` it could name is still held by `img-src`/`font-src 'self'`.
 */
export const hubCsp: CspConfig = {
  algorithm: 'SHA-256',
  directives: [...hubDirectives],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  // Astro's default 'self' stays on style-src (naming it here too makes Astro warn that
  // style-src-attr does not inherit it, which is the point).
  styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
};

/**
 * What the nginx header adds on HTML pages (`add_header Content-Security-Policy`). The hub is
 * never framed (presenter mode uses the Fullscreen API, not a frame); an intranet portal that
 * must embed it replaces `'none'` with its own origin here and in `relais-headers.conf`.
 */
export const headerPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

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
 * that it does): lets a test server stand in for nginx.
 * @example hubHeaders('/hub/partager/ma-carte/linkedin/', '/hub/')['referrer-policy'] // 'no-referrer'
 */
export function hubHeaders(path: string, base: string): Record<string, string> {
  const rest = path.startsWith(base) ? path.slice(base.length) : path;
  return {
    'content-security-policy': rest.startsWith('media/') ? mediaPolicy : headerPolicy,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': /^(en\/)?partager\//.test(rest) ? referrerPolicy.share : referrerPolicy.default,
    'cross-origin-opener-policy': rest.startsWith('admin/') ? 'same-origin-allow-popups' : 'same-origin',
    'permissions-policy': permissionsPolicy,
  };
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
