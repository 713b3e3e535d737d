import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adminSources,
  headerPolicy,
  hubCsp,
  hubHeaders,
  mediaPolicy,
  permissionsPolicy,
} from '../../../deploy/headers.ts';
import { renderLocal } from '../../../deploy/nginx/run-local.ts';

const conf = readFileSync(new URL('../../../deploy/nginx/relais.conf', import.meta.url), 'utf8');
const snippet = readFileSync(new URL('../../../deploy/nginx/snippets/relais-headers.conf', import.meta.url), 'utf8');

describe('nginx says what deploy/headers.ts says', () => {
  it('sends the same CSP header parts and Permissions-Policy', () => {
    expect(conf).toContain(`default        "${headerPolicy}";`);
    expect(conf).toContain(`~^/hub/media/  "${mediaPolicy}";`);
    expect(snippet).toContain(`add_header Permissions-Policy "${permissionsPolicy}" always;`);
  });

  it('never puts default-src, script-src or style-src in the page header (the meta holds them)', () => {
    for (const directive of ['default-src', 'script-src', 'style-src']) expect(headerPolicy).not.toContain(directive);
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
});

describe('the build policy', () => {
  it('allows no inline script and lets Pagefind compile WebAssembly', () => {
    const resources = hubCsp.scriptDirective?.resources ?? [];
    expect(resources).toContain("'wasm-unsafe-eval'");
    expect(resources).not.toContain("'unsafe-inline'");
    expect(resources).not.toContain("'unsafe-eval'");
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
    expect(server).toContain('access_log /tmp/r/logs/share.log relais_share;');
    expect(server).not.toContain('/var/log/');
    expect(files['snippets/relais-sso.conf']).toContain('http://127.0.0.1:4999/oauth2/auth');
    expect(files['snippets/relais-headers.conf']).toBe(snippet);
  });
});
