import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A link from a built page that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const attr = /\b(?:href|src|poster)="([^"]*)"/g;
const ids = new Map<string, Set<string>>();

/** The ids (and legacy names) a built page defines, cached per file. */
function anchorsOf(file: string): Set<string> {
  let set = ids.get(file);
  if (!set) {
    const html = readFileSync(file, 'utf8');
    set = new Set([...html.matchAll(/\b(?:id|name)="([^"]+)"/g)].map((m) => m[1] ?? ''));
    ids.set(file, set);
  }
  return set;
}

/**
 * Checks every internal link of a built page (href, src, poster): the target must exist in
 * `dist` (a folder means its index.html) and a `#fragment` must name an element of the target
 * page. Links outside the base path or to other hosts are not the site's to check.
 */
export function brokenLinks(dist: string, base: string, origin: string, file: string): BrokenLink[] {
  const page = `/${file.slice(dist.length).replace(/index\.html$/, '')}`;
  const pageUrl = new URL(base.replace(/\/$/, '') + page, origin);
  const html = readFileSync(file, 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
  const broken: BrokenLink[] = [];
  for (const [, raw = ''] of html.matchAll(attr)) {
    const href = raw.replace(/&amp;/g, '&');
    if (!href || /^(mailto|tel|data|javascript):/.test(href)) continue;
    const url = new URL(href, pageUrl);
    if (url.origin !== origin) continue;
    if (!url.pathname.startsWith(base)) {
      broken.push({ page, href, reason: `outside the base path ${base}` });
      continue;
    }
    let target = join(dist, decodeURIComponent(url.pathname.slice(base.length)));
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!existsSync(target)) {
      broken.push({ page, href, reason: 'no such file' });
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('.html') && !anchorsOf(target).has(fragment) && !fragment.startsWith('t='))
      broken.push({ page, href, reason: `no element #${fragment}` });
  }
  return broken;
}
