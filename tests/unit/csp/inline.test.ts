import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes } from '../../../src/csp/inline.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineHashes', () => {
  it('hashes the scripts a browser runs and every <style>, byte for byte, each once', () => {
    const html = [
      '<style>:root{--brand:#0a5}</style>',
      '<script type="module">document.body.dataset.x = "1 > 0";</script>',
      '<script>\n  var a = "&amp;";\n</script>',
      '<STYLE media="print">main { color: black }</STYLE>',
      '<style>:root{--brand:#0a5}</style>',
    ].join('');
    expect(inlineHashes(html, 'p.html')).toEqual({
      scripts: [sha('document.body.dataset.x = "1 > 0";'), sha('\n  var a = "&amp;";\n')],
      styles: [sha(':root{--brand:#0a5}'), sha('main { color: black }')],
    });
  });

  it('leaves out external scripts, data blocks and what a comment hides', () => {
    const html = [
      '<script type="module" src="/hub/_astro/a.js"></script>',
      '<script type="application/json" id="cfg">{"a":1}</script>',
      '<script type="application/ld+json">{}</script>',
      '<!-- <script>alert(1)</script> <style>x{}</style> -->',
      '<p data-note="<script>no</script>">texte</p>',
    ].join('');
    expect(inlineHashes(html, 'p.html')).toEqual({ scripts: [], styles: [] });
  });

  it('refuses inline handlers and javascript: URLs, naming the page', () => {
    expect(() => inlineHashes('<button type="button" onclick="go()">Go</button>', 'cartes/x/index.html')).toThrow(
      'cartes/x/index.html: <button onclick> is an inline handler',
    );
    expect(() => inlineHashes("<a href='JavaScript:void 0'>x</a>", 'a.html')).toThrow(
      'a.html: <a href="javascript:…">',
    );
    // The words alone, in text, are no handler.
    expect(inlineHashes('<p>online=1, javascript: a language</p>', 'a.html')).toEqual({ scripts: [], styles: [] });
  });
});
