import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipRules, serveCompressed } from '../../../scripts/lib/bench/serve-gzip.ts';

/** The search bench's stand-in for nginx compresses what relais.conf compresses, and only that. */
const dir = mkdtempSync(join(tmpdir(), 'relais-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Raw GET (fetch would decompress): status, headers and the bytes on the wire. */
function get(url: string, encoding = 'gzip') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('search bench: compressed as nginx serves it', () => {
  it('reads the gzip rules of deploy/nginx/relais.conf', () => {
    const { gzipTypes, minLength, types } = gzipRules();
    expect(gzipTypes.has('text/javascript')).toBe(true);
    expect(gzipTypes.has('text/html')).toBe(true);
    // Pagefind's chunks are gzip already: sent as they are.
    expect(types.get('pf_fragment')).toBe('application/octet-stream');
    expect(types.get('pagefind')).toBe('application/octet-stream');
    expect(gzipTypes.has('application/octet-stream')).toBe(false);
    expect(minLength).toBe(512);
  });

  it('rejects a configuration without them, naming the file', () => {
    expect(() => gzipRules('server { listen 80; }')).toThrow(/relais\.conf: no gzip_types/);
  });

  it('the Node stand-in gzips JS over the minimum length, not Pagefind files nor small bodies', async () => {
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    const js = 'export const words = "partage réseaux";\n'.repeat(200);
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), js);
    writeFileSync(join(dir, 'pagefind', 'fragment', 'fr_1.pf_fragment'), Buffer.alloc(2000, 7));
    writeFileSync(join(dir, 'small.js'), 'let a = 1;');
    // A base other than nginx's /hub/ always gets the Node server.
    const server = await serveCompressed(dir, '/x/');
    try {
      expect(server.how).toMatch(/Node server/);
      const a = await get(`${server.url}pagefind/pagefind.js`);
      expect(a.headers['content-encoding']).toBe('gzip');
      expect(a.body.length).toBeLessThan(js.length / 10);
      expect(gunzipSync(a.body).toString()).toBe(js);
      const b = await get(`${server.url}pagefind/fragment/fr_1.pf_fragment`);
      expect(b.headers['content-encoding']).toBeUndefined();
      expect(b.body.length).toBe(2000);
      expect((await get(`${server.url}small.js`)).headers['content-encoding']).toBeUndefined();
      expect((await get(`${server.url}pagefind/pagefind.js`, 'identity')).body.length).toBe(Buffer.byteLength(js));
      expect((await get(`${server.url}missing.js`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
