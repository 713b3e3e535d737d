import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectLogs } from '../../deploy/collect-logs.ts';
import { hubHeaders } from '../../deploy/headers.ts';
import { fakeSso, type LocalNginx, nginxBinary, startLocal } from '../../deploy/nginx/run-local.ts';
import { readPolicies } from '../../src/csp/map.ts';
import { root, testBase, testDist } from '../lib/paths.ts';

/**
 * The production nginx configuration (`deploy/nginx/`), run for real on 127.0.0.1 against the
 * test build: headers, caching, types, 404, and the share log from nginx to the dashboards.
 * CI installs nginx with `apt-get install -y nginx-light` (and `logrotate` for the rotation
 * step); without it the suite is skipped, saying so.
 */
const nginx = nginxBinary();
const logrotate = (() => {
  try {
    execFileSync('logrotate', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!nginx)(`nginx serves the build (${nginx ? 'nginx found' : 'SKIPPED: nginx is not installed'})`, () => {
  let server: LocalNginx;
  let sso: Awaited<ReturnType<typeof fakeSso>>;
  const card = readdirSync(join(testDist, 'cartes')).find((d) => existsSync(join(testDist, 'partager', d, 'linkedin')));
  // The networks this card can be shared to (linkedin first).
  const networks = readdirSync(join(testDist, 'partager', card ?? ''));
  const [n1 = '', n2 = '', n3 = ''] = networks.sort((a, b) => Number(b === 'linkedin') - Number(a === 'linkedin'));
  const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

  beforeAll(async () => {
    sso = await fakeSso();
    server = await startLocal(testDist, sso.port);
  });
  afterAll(async () => {
    await server?.stop();
    await sso?.close();
  });

  it('sends the security headers deploy/headers.ts defines, on pages and on errors', async () => {
    // Each page's CSP comes from the build's maps; the rest (scripts, media) from relais.conf.
    const policyOf = readPolicies(testDist, testBase);
    const paths = ['', 'cartes/', `partager/${card}/linkedin/`, `partager/${card}/linkedin`, 'admin/', 'recherche/'];
    for (const path of [...paths, 'media/logo.svg', 'pagefind/pagefind.js', 'cartes', 'nulle-part/']) {
      const res = await get(path);
      // The share route without its slash is served its page, like with it.
      const expected = hubHeaders(`${testBase}${path.replace(/linkedin$/, 'linkedin/')}`, testBase, policyOf);
      for (const [name, value] of Object.entries(expected))
        expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    // Not the same policy everywhere: the pages' hashes differ.
    const policies = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('content-security-policy')));
    expect(new Set(policies).size).toBeGreaterThan(3);
  });

  it('does not serve the CSP maps (they are nginx’s input, not the site’s)', async () => {
    expect(existsSync(join(testDist, '_csp/pages.map'))).toBe(true);
    expect((await get('_csp/pages.map')).status).toBe(404);
    expect((await get('_csp/policies.map')).status).toBe(404);
  });

  it('keeps the share route from leaking intranet addresses, and the rest strict-origin', async () => {
    expect((await get(`partager/${card}/linkedin/?v=2`)).headers.get('referrer-policy')).toBe('no-referrer');
    expect((await get(`en/partager/${card}/linkedin/`)).headers.get('referrer-policy')).toBe('no-referrer');
    expect((await get('')).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('caches hashed assets for a year and revalidates HTML and entry points', async () => {
    const astro = readdirSync(join(testDist, '_astro')).find((f) => f.endsWith('.js'));
    const pf = readdirSync(join(testDist, 'pagefind/fragment'))[0];
    const immutable = 'public, max-age=31536000, immutable';
    expect((await get(`_astro/${astro}`)).headers.get('cache-control')).toBe(immutable);
    expect((await get(`pagefind/fragment/${pf}`)).headers.get('cache-control')).toBe(immutable);
    for (const path of ['', 'cartes/', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'agenda.ics'])
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    expect((await get('media/logo.svg')).headers.get('cache-control')).toBe('public, max-age=3600, must-revalidate');
    const page = await get('');
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('', { headers: { 'if-none-match': etag ?? '' } })).status).toBe(304);
  });

  it('serves every type the build produces with the right MIME type', async () => {
    const find = (dir: string, ext: string) => {
      const hit = readdirSync(join(testDist, dir), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(ext));
      return hit ? `${dir}/${hit}` : undefined;
    };
    const cases: [string | undefined, string][] = [
      ['', 'text/html; charset=utf-8'],
      ['agenda.ics', 'text/calendar; charset=utf-8'],
      [find('media', '.vtt'), 'text/vtt; charset=utf-8'],
      [find('media', '.webm'), 'video/webm'],
      [find('_astro', '.wasm'), 'application/wasm'],
      [find('_astro', '.css') ?? find('pagefind', '.css'), 'text/css; charset=utf-8'],
      [find('_astro', '.js'), 'text/javascript; charset=utf-8'],
      [find('pagefind', '.pf_fragment'), 'application/octet-stream'],
      ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
      ['media/logo.svg', 'image/svg+xml; charset=utf-8'],
      [find('og', '.png'), 'image/png'],
    ];
    for (const [path, type] of cases) {
      if (path === undefined) continue;
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('redirects to the base path and to trailing slashes, relatively; 404 for the rest', async () => {
    expect((await fetch(server.url.replace(/hub\/$/, ''), { redirect: 'manual' })).headers.get('location')).toBe(
      '/hub/',
    );
    const folder = await get('cartes');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/hub/cartes/');
    const missing = await get('nulle-part/');
    expect(missing.status).toBe(404);
    if (existsSync(join(testDist, '404.html')))
      expect(await missing.text()).toBe(readFileSync(join(testDist, '404.html'), 'utf8'));
  });

  it('logs each share once, in combined format, with the SSO user as remote_user', async () => {
    const before = existsSync(server.shareLog) ? readFileSync(server.shareLog, 'utf8') : '';
    const cookie = { cookie: 'relais_user=camille.leroy%40exemple.fr' };
    expect((await get(`partager/${card}/${n1}/?v=2`, { headers: cookie })).status).toBe(200);
    // No trailing slash: served, not redirected, so still one line.
    expect((await get(`partager/${card}/${n2}?v=1`, { headers: cookie })).status).toBe(200);
    // Anonymous (no SSO identity) and a page that is not a share: "-", and no line at all.
    expect((await get(`partager/${card}/${n3}/`)).status).toBe(200);
    expect((await get('cartes/', { headers: cookie })).status).toBe(200);
    // A sent suggestion's landing page is logged too (the dashboards count it per week).
    expect((await get('en/proposer/envoye/', { headers: cookie })).status).toBe(200);
    await new Promise((ok) => setTimeout(ok, 100));
    const lines = readFileSync(server.shareLog, 'utf8').slice(before.length).trim().split('\n');
    const combined =
      /^(\d+\.\d+\.\d+\.0) - (\S+) \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "GET (\S+) HTTP\/1\.1" (\d{3}) \d+ "[^"]*" "[^"]*"$/;
    expect(lines.map((l) => combined.exec(l)?.slice(1))).toEqual([
      ['127.0.0.0', 'camille.leroy@exemple.fr', `/hub/partager/${card}/${n1}/?v=2`, '200'],
      ['127.0.0.0', 'camille.leroy@exemple.fr', `/hub/partager/${card}/${n2}?v=1`, '200'],
      ['127.0.0.0', '-', `/hub/partager/${card}/${n3}/`, '200'],
      ['127.0.0.0', 'camille.leroy@exemple.fr', '/hub/en/proposer/envoye/', '200'],
    ]);
  });

  it('the dashboards count those shares from the log, rotated and collected', async () => {
    const work = mkdtempSync(join(tmpdir(), 'relais-share-'));
    try {
      const rotated = join(work, 'var-log-relais');
      const input = join(work, 'build-in');
      mkdirSync(rotated);
      if (logrotate) {
        // The real rotation config, pointed at this nginx (its postrotate signals it to reopen).
        const config = readFileSync(join(root, 'deploy/logrotate/relais'), 'utf8')
          .replace('/var/log/relais/share.log', server.shareLog)
          .replaceAll('/run/nginx.pid', join(server.prefix, 'nginx.pid'))
          .replace('create 0640 root adm', 'create 0640');
        writeFileSync(join(work, 'logrotate.conf'), config);
        execFileSync('logrotate', ['-f', '-s', join(work, 'state'), join(work, 'logrotate.conf')]);
        const logs = readdirSync(join(server.prefix, 'logs')).filter((f) => f.startsWith('share-'));
        expect(logs).toEqual([expect.stringMatching(/^share-\d{8}\.log$/)]);
        for (const f of logs) copyFileSync(join(server.prefix, 'logs', f), join(rotated, f));
        // nginx writes the next share into a fresh share.log.
        await get(`partager/${card}/${n1}/?v=1`, { headers: { cookie: 'relais_user=ines.petit%40exemple.fr' } });
        await new Promise((ok) => setTimeout(ok, 100));
        expect(readFileSync(server.shareLog, 'utf8')).toContain('ines.petit@exemple.fr');
      } else {
        copyFileSync(server.shareLog, join(rotated, 'share-20261122.log'));
      }
      // And a day already compressed, as logrotate leaves it after delaycompress.
      const day = readdirSync(rotated)[0] ?? '';
      writeFileSync(join(rotated, 'share-20261001.log.gz'), gzipSync(readFileSync(join(rotated, day))));
      await collectLogs(rotated, input);
      expect(readdirSync(input).sort()).toEqual(
        readdirSync(rotated)
          .map((f) => f.replace(/\.gz$/, ''))
          .sort(),
      );

      const out = join(work, 'dashboards.json');
      execFileSync(process.execPath, ['scripts/dashboards.ts', '--in', input, '--out', out, '--k', '1'], { cwd: root });
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        totals: { shares: number; activeAmbassadors: number };
        byContent: { content: string; shares: number }[];
        byNetwork: { network: string; shares: number }[];
        ingest: { rows: number; accepted: number; rejected: number; duplicates: number };
        suggestions?: { week: string; suggestions: number }[];
      };
      // Every share line nginx wrote is read (twice: the gzipped day repeats it) and counted once.
      const lines = readFileSync(join(rotated, day), 'utf8').trim().split('\n');
      const logged = lines.filter((l) => l.includes('/partager/')).length;
      // The suggestion's landing page is no share row, but counted once in its week.
      const sent = lines.filter((l) => l.includes('/proposer/envoye/')).length;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(result.suggestions?.reduce((sum, w) => sum + w.suggestions, 0)).toBe(sent);
      expect(result.ingest.rows).toBe(2 * logged);
      expect(result.ingest.rejected).toBe(0);
      expect(result.ingest.duplicates).toBeGreaterThanOrEqual(logged);
      expect(result.totals.shares).toBe(result.ingest.accepted);
      expect(result.byContent.find((c) => c.content === card)?.shares).toBeGreaterThanOrEqual(3);
      expect(result.byNetwork.map((n) => n.network)).toEqual(expect.arrayContaining([n1, n2, n3]));
      expect(result.totals.activeAmbassadors).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
