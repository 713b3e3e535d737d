import { createHash } from 'node:crypto';

/** The CSP sources (`'sha256-…'`) of what a page runs or applies inline. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

// Script types a browser runs (and CSP therefore judges); JSON and other data blocks are inert.
const runnable = new Set(['', 'module', 'text/javascript', 'application/javascript']);

// HTML's tag syntax (attribute names, quoted or bare values), comments skipped, and the raw text
// of <script> and <style> up to their end tag, as a browser tokenizes them. A scanner rather
// than an HTML parser: it reads every page of every build (11,000 on the scaled set), where a
// full parser costs ~0.15 s per MB and this a hundredth of that.
const attribute = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const attributes = String.raw`((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>`;
const rawText = String.raw`<!--[\s\S]*?-->|<(script|style)${attributes}([\s\S]*?)</\1\s*>`;
const inline = new RegExp(rawText, 'gi');
// Where an attribute value could hold "<script" or "<style", every tag is read whole (quoted
// values included) so that such text is not taken for an element: four times slower, so only there.
const tricky = /=\s*(?:"[^"]*|'[^']*)<(?:script|style)/i;
const inlineCareful = new RegExp(String.raw`${rawText}|<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
const anyTag = new RegExp(String.raw`<!--[\s\S]*?-->|<([a-zA-Z][^\s/>]*)${attributes}`, 'g');
// Most pages have neither: the tag-by-tag check runs only where one could be.
const suspect = /\son[a-z]+\s*=|javascript:/i;

const attrsOf = (text: string) =>
  new Map(
    [...text.matchAll(attribute)].map(([, k = '', v = '']) => [
      k.toLowerCase(),
      v.replace(/^(["'])([\s\S]*)\1$/, '$2'),
    ]),
  );

/** `'sha256-…'` of a script's or style's text, as the browser computes it for `script-src`/`style-src`. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The hashes of a page's inline `<script>` elements (those a browser would run) and `<style>`
 * elements, each once. Event handler attributes and `javascript:` URLs cannot be allowed by a
 * hash without `'unsafe-hashes'`, so they are errors naming the page.
 * @example inlineHashes('<style>a{}</style>', 'x.html').styles // ["'sha256-…'"]
 */
export function inlineHashes(html: string, where: string): InlineHashes {
  if (suspect.test(html))
    for (const [, tag, attrs] of html.matchAll(anyTag))
      for (const [key, value] of attrsOf(attrs ?? '')) {
        if (/^on[a-z]+$/.test(key)) throw new Error(`${where}: <${tag} ${key}> is an inline handler (CSP blocks it)`);
        if (/^\s*javascript:/i.test(value)) throw new Error(`${where}: <${tag} ${key}="javascript:…"> (CSP blocks it)`);
      }
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, name = '', attrs = '', body = ''] of html.matchAll(tricky.test(html) ? inlineCareful : inline)) {
    if (name.toLowerCase() === 'style') styles.add(cspHash(body));
    else if (!name) continue;
    else {
      const a = attrsOf(attrs);
      if (!a.has('src') && runnable.has((a.get('type') ?? '').trim().toLowerCase())) scripts.add(cspHash(body));
    }
  }
  return { scripts: [...scripts], styles: [...styles] };
}
