import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adminDirectives,
  adminSources,
  defaultPolicy,
  hubHeaders,
  mediaPolicy,
  pagePolicy,
  permissionsPolicy,
  previewFile,
  previewPolicy,
  proposalDirectives,
} from '../../../deploy/headers.ts';
import { renderLocal } from '../../../deploy/nginx/run-local.ts';

const conf = readFileSync(new URL('../../../deploy/nginx/relais.conf', import.meta.url), 'utf8');
const snippet = readFileSync(new URL('../../../deploy/nginx/snippets/relais-headers.conf', import.meta.url), 'utf8');

describe('nginx says what deploy/headers.ts says', () => {
  it('sends the same fixed policies and Permissions-Policy', () => {
    expect(conf).toContain(`    default  "${defaultPolicy}";`);
    expect(conf).toContain(`    media    "${mediaPolicy}";`);
    expect(snippet).toContain(`add_header Permissions-Policy "${permissionsPolicy}" always;`);
  });

  it('takes each page’s policy from the build’s maps, inside map blocks', () => {
    expect(conf).toMatch(/map \$uri \$relais_csp_page \{[^}]*include \/srv\/relais\/hub\/_csp\/pages\.map;/);
    expect(conf).toMatch(/map \$relais_csp_page \$relais_csp \{[^}]*include \/srv\/relais\/hub\/_csp\/policies\.map;/);
    // nginx takes the hash sizes only before the first map.
    expect(conf.indexOf('map_hash_max_size')).toBeLessThan(conf.indexOf('\nmap '));
    expect(snippet).toContain('add_header Content-Security-Policy $relais_csp always;');
  });

  it('has no location with add_header (which would drop the server-level headers)', () => {
    const locations = conf.split(/\n\s*location /).slice(1);
    expect(locations.length).toBeGreaterThan(3);
    for (const block of locations) expect(block.split('\n    }')[0]).not.toContain('add_header');
  });
});

describe('hubHeaders', () => {
  it('gives the share route no referrer, the admin popups, the media a sandbox', () => {
    expect(hubHeaders('/hub/partager/c/linkedin/', '/hub/')['referrer-policy']).toBe('no-referrer');
    expect(hubHeaders('/hub/en/partager/c/linkedin/', '/hub/')['referrer-policy']).toBe('no-referrer');
    expect(hubHeaders('/hub/cartes/', '/hub/')['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(hubHeaders('/hub/admin/', '/hub/')['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(hubHeaders('/hub/media/x.svg', '/hub/')['content-security-policy']).toBe(mediaPolicy);
  });

  it('lets the hub frame the digest preview’s e-mail files, and nothing else', () => {
    expect(hubHeaders('/hub/admin/digest/digest-2026-W49-fr.html', '/hub/')['x-frame-options']).toBe('SAMEORIGIN');
    expect(hubHeaders('/hub/admin/digest/', '/hub/')['x-frame-options']).toBe('DENY');
    expect(hubHeaders('/hub/admin/digest/digest-2026-W49-fr.txt', '/hub/')['x-frame-options']).toBe('DENY');
    expect(hubHeaders('/hub/cartes/', '/hub/')['x-frame-options']).toBe('DENY');
    // nginx sends the same (the map's regex is previewFile's under /hub/).
    expect(conf).toContain('~^/hub/admin/digest/digest-[^/]+\\.html$  SAMEORIGIN;');
    expect(conf).toMatch(/map \$uri \$relais_frame_options \{[^}]*default\s+DENY;/);
    expect(snippet).toContain('add_header X-Frame-Options $relais_frame_options always;');
  });
});

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('pagePolicy', () => {
  it('adds the page’s hashes to the hub’s directives, and never inline scripts or eval', () => {
    const d = directives(pagePolicy({ scripts: ["'sha256-S='"], styles: ["'sha256-T='", "'sha256-U='"] }));
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-S='"]);
    expect(d['style-src']).toEqual(["'self'", "'sha256-T='", "'sha256-U='"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(directives(defaultPolicy)['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('gives the admin Decap’s sources, and no hash where one would switch unsafe-inline off', () => {
    const d = directives(
      pagePolicy(
        { scripts: ["'sha256-S='"], styles: ["'sha256-T='"] },
        adminDirectives({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }),
      ),
    );
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'", "'sha256-S='"]);
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['connect-src']).toEqual(["'self'", 'http://127.0.0.1:8081']);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });
});

describe('previewPolicy', () => {
  it('is a page’s policy framed by the hub only, with the hub’s images, and no unsafe-inline', () => {
    const d = directives(previewPolicy({ scripts: [], styles: ["'sha256-T='"] }, 'https://hub.exemple.fr/x/'));
    expect(d['frame-ancestors']).toEqual(["'self'"]);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'https://hub.exemple.fr']);
    expect(d['style-src']).toEqual(["'self'", "'sha256-T='"]);
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(previewFile.test('admin/digest/digest-2026-W49-en.html')).toBe(true);
    expect(previewFile.test('admin/digest/index.html')).toBe(false);
    expect(previewFile.test('admin/index.html')).toBe(false);
  });
});

describe('adminSources', () => {
  it('reaches only the configured Git backend', () => {
    expect(adminSources({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }).connect).toEqual([
      'http://127.0.0.1:8081',
    ]);
    expect(adminSources({ name: 'github' })).toMatchObject({
      connect: ['https://api.github.com'],
      img: ['blob:', 'https://avatars.githubusercontent.com'],
    });
    expect(adminSources({ name: 'github', api_root: 'https://github.exemple.fr/api/v3' }).connect).toEqual([
      'https://github.exemple.fr',
    ]);
    expect(
      adminSources({ name: 'gitlab', base_url: 'https://git.exemple.fr', api_root: 'https://git.exemple.fr/api/v4' }),
    ).toMatchObject({ connect: ['https://git.exemple.fr'], img: ['blob:', 'https://git.exemple.fr'] });
    expect(
      adminSources({ name: 'gitea', base_url: 'https://gitea.exemple.fr', api_root: 'https://api.exemple.fr/v1' })
        .connect,
    ).toEqual(['https://api.exemple.fr', 'https://gitea.exemple.fr']);
  });
});

describe('renderLocal', () => {
  it('rewrites the listen address, root, log paths and SSO port, and nothing else', () => {
    const files = renderLocal({ root: '/tmp/r/www', logs: '/tmp/r/logs', port: 8088, ssoPort: 4999 });
    const server = files['relais.conf'] ?? '';
    expect(server).toContain('listen 127.0.0.1:8088;');
    expect(server).not.toMatch(/listen (80|\[::\])/);
    expect(server).toContain('root /tmp/r/www;');
    expect(server).toContain('include /tmp/r/www/hub/_csp/pages.map;');
    expect(server).toContain('include /tmp/r/www/hub/_csp/policies.map;');
    const directives = server.split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(directives.filter((line) => line.includes('/srv/relais'))).toEqual([]);
    expect(server).toContain('access_log /tmp/r/logs/share.log relais_share;');
    expect(server).not.toContain('/var/log/');
    expect(files['snippets/relais-sso.conf']).toContain('http://127.0.0.1:4999/oauth2/auth');
    expect(files['snippets/relais-headers.conf']).toBe(snippet);
  });
});

describe('the suggestion form’s policy', () => {
  it('adds the endpoint’s origin, and mailto: for the e-mail channel, to form-action only', () => {
    expect(proposalDirectives({ endpoint: 'https://forms.exemple.fr/relais/x?y=1', email: 'a@exemple.fr' })).toEqual({
      'form-action': ['https://forms.exemple.fr', 'mailto:'],
    });
    expect(proposalDirectives({})).toEqual({});
    const policy = pagePolicy(
      { scripts: [], styles: [] },
      proposalDirectives({ endpoint: 'https://forms.exemple.fr/x' }),
    );
    expect(policy).toContain("form-action 'self' https://forms.exemple.fr;");
  });
});
