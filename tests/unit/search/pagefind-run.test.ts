import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { indexLanguages, pagefindBinary } from '../../../src/integrations/pagefind.ts';
import { indexKeys } from '../../../src/search/index-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'relais-pagefind-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pagefind = fileURLToPath(new URL('../../../node_modules/pagefind', import.meta.url));

function page(path: string, lang: string, text: string): string {
  mkdirSync(dirname(join(work, 'site', path)), { recursive: true });
  writeFileSync(
    join(work, 'site', path),
    `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`,
  );
  return path;
}

describe('indexing a language with Pagefind’s command', () => {
  it('stores each language’s index under its key, whatever PAGEFIND_* variables say', async () => {
    const files = [page('index.html', 'fr', 'Partager une carte'), page('en/index.html', 'en', 'Share a card')];
    const keys = indexKeys(join(work, 'cache'), join(work, 'site'), files, 'test');
    // Read by Pagefind as options: forced, both indexes would be French.
    process.env.PAGEFIND_FORCE_LANGUAGE = 'fr';
    try {
      await indexLanguages(join(work, 'site'), keys, await pagefindBinary(pagefind));
    } finally {
      delete process.env.PAGEFIND_FORCE_LANGUAGE;
    }
    for (const key of keys) {
      const names = readdirSync(key.entry);
      expect(names).toContain('pagefind-entry.json');
      expect(names.filter((n) => n.endsWith('.pf_meta'))).toEqual([expect.stringMatching(`^pagefind\\.${key.lang}_`)]);
    }
    // Nothing left behind but the indexes themselves.
    expect(readdirSync(join(work, 'cache')).sort()).toEqual(keys.map((k) => basename(k.entry)).sort());
  });

  it('fails naming the language when Pagefind fails', async () => {
    const files = [page('cartes/index.html', 'fr', 'Cartes')];
    const [key] = indexKeys(join(work, 'cache2'), join(work, 'site'), files, 'test');
    if (!key) throw new Error('no key');
    await expect(indexLanguages(join(work, 'site'), [key], '/bin/false')).rejects.toThrow(/^Pagefind \(\*\) : /);
  });
});
