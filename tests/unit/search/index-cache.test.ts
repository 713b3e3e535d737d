import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMemo } from '../../../src/lib/file-memo.ts';
import { indexKeys, mergeEntries, type PageFacts } from '../../../src/search/index-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'relais-index-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a site of `pages` (path → `<html lang>`), each indexable unless its lang is `-`. */
function site(name: string, pages: Record<string, string>): { dir: string; files: string[] } {
  const dir = join(work, name);
  for (const [path, lang] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    const body = lang === '-' ? '<main>' : '<main data-pagefind-body>';
    writeFileSync(join(dir, path), `<!doctype html><html lang="${lang}"><body>${body}${path}</main></body></html>`);
  }
  return { dir, files: Object.keys(pages) };
}

describe('search index keys, one per language', () => {
  const pages = {
    'index.html': 'fr',
    'cartes/a/index.html': 'fr',
    'partager/a/linkedin/index.html': '-',
    'en/index.html': 'en',
    'en/cartes/a/index.html': 'en',
  };

  it('keys each language by its own indexable pages and lists them', () => {
    const { dir, files } = site('split', pages);
    const keys = indexKeys(join(work, 'cache'), dir, files, '1.6.0');
    expect(keys.map((k) => [k.lang, k.pages, k.files])).toEqual([
      ['en', 2, ['en/cartes/a/index.html', 'en/index.html']],
      ['fr', 2, ['cartes/a/index.html', 'index.html']],
    ]);
    // An edit to a French page moves the French key only.
    writeFileSync(join(dir, 'cartes/a/index.html'), '<html lang="fr"><main data-pagefind-body>edited</main></html>');
    const after = indexKeys(join(work, 'cache'), dir, files, '1.6.0');
    expect(after[0]?.entry).toBe(keys[0]?.entry);
    expect(after[1]?.entry).not.toBe(keys[1]?.entry);
    // A new Pagefind moves both.
    const next = indexKeys(join(work, 'cache'), dir, files, '1.7.0');
    expect(next.map((k) => k.entry)).not.toContain(after[0]?.entry);
  });

  it('gives the same keys through the memo of pages, reading only the pages written anew', () => {
    const { dir, files } = site('memo', pages);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of files) utimesSync(join(dir, file), anHourAgo, anHourAgo);
    const memoFile = join(work, 'memo.json');
    const keysWith = () => {
      const memo = openMemo<PageFacts>(memoFile, '1.6.0');
      const keys = indexKeys(join(work, 'cache'), dir, files, '1.6.0', memo);
      return { entries: keys.map((k) => k.entry), reused: memo.save() };
    };
    const plain = indexKeys(join(work, 'cache'), dir, files, '1.6.0').map((k) => k.entry);
    expect(keysWith()).toEqual({ entries: plain, reused: 0 });
    expect(keysWith()).toEqual({ entries: plain, reused: files.length });
    writeFileSync(join(dir, 'en/index.html'), '<html lang="en"><main data-pagefind-body>edited</main></html>');
    const edited = keysWith();
    expect(edited.reused).toBe(files.length - 1);
    expect(edited.entries).toEqual(indexKeys(join(work, 'cache'), dir, files, '1.6.0').map((k) => k.entry));
    expect(edited.entries[0]).not.toBe(plain[0]);
    expect(edited.entries[1]).toBe(plain[1]);
  });

  it('keeps languages apart when they share a folder: each key lists its own files', () => {
    const { dir, files } = site('mixed', { ...pages, 'cartes/b/index.html': 'en' });
    const keys = indexKeys(join(work, 'cache'), dir, files, '1.6.0');
    expect(keys.map((k) => [k.lang, k.files])).toEqual([
      ['en', ['cartes/b/index.html', 'en/cartes/a/index.html', 'en/index.html']],
      ['fr', ['cartes/a/index.html', 'index.html']],
    ]);
  });

  it('falls back to one whole-site index for a language code Pagefind may fold (fr-FR)', () => {
    const { dir, files } = site('region', { ...pages, 'index.html': 'fr-FR' });
    const keys = indexKeys(join(work, 'cache'), dir, files, '1.6.0');
    expect(keys.map((k) => [k.lang, k.pages])).toEqual([['*', 4]]);
  });
});

describe('mergeEntries', () => {
  it('lists every language, sorted, in Pagefind’s field order', () => {
    const entry = (lang: string) =>
      JSON.stringify({
        version: '1.6.0',
        languages: { [lang]: { hash: `${lang}_1`, wasm: lang, page_count: 1 } },
        include_characters: ['_'],
      });
    expect(mergeEntries([entry('fr'), entry('en')])).toBe(
      '{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":"en","page_count":1},"fr":{"hash":"fr_1","wasm":"fr","page_count":1}},"include_characters":["_"]}',
    );
  });
});
