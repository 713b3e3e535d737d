import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type Build } from '../../scripts/lib/bench/build.ts';
import { root, testBase, testNow } from '../lib/paths.ts';

/**
 * Astro's incremental build (src/lib/cache-key.ts) must never publish a stale page. Build A
 * fills the caches; then, for build B, a card is retitled, "now" moves past another card's end
 * date (and past events), an English translation is deleted, a learning path is retitled (its
 * capsules' pages show it) and every card's share count moves. Each edit touches a different
 * key input: an edit to a capsule would re-render every capsule page and hide a missing path. B reuses what it can; C renders everything from scratch with B's
 * inputs. Every page of B must be byte for byte the page of C.
 */
const work = mkdtempSync(join(tmpdir(), 'relais-incremental-'));
const content = join(work, 'content');
const retitled = 'alternance-rentree-2027';
const expiring = 'apprentis-promotion-2026'; // validUntil 2026-12-20
const later = '2026-12-25T10:00:00+01:00';

const dashboards = join(work, 'dashboards.json');
const build = (label: string, cacheDir: string, now: string, more: NodeJS.ProcessEnv = {}) =>
  astroBuild(
    label,
    root,
    { cacheDir: join(work, cacheDir), outDir: join(work, label) },
    {
      RELAIS_CONTENT: content,
      RELAIS_BASE: testBase,
      RELAIS_NOW: now,
      RELAIS_OG: 'off',
      RELAIS_DASHBOARDS: dashboards,
      RELAIS_PAGEFIND_CACHE: join(work, `${cacheDir}-search`),
      ...more,
    },
    work,
  );

/** Every file of a build's output (but the search index, checked apart), by path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(e.parentPath, e.name));
    if (e.isFile() && !path.startsWith('pagefind/')) out.set(path, readFileSync(join(dir, path)));
  }
  return out;
}

let a: Build;
let b: Build;
let c: Build;
beforeAll(async () => {
  cpSync(join(root, 'content'), content, { recursive: true });
  cpSync(join(root, '.relais', 'dashboards.json'), dashboards);
  a = await build('a', 'cache', testNow);
  const edit = (path: string, from: RegExp, to: string) => {
    const file = join(content, path);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(file, text.replace(from, to));
  };
  edit(`cards/fr/${retitled}.md`, /^title: .*$/m, 'title: Alternance 2027, le titre révisé');
  edit('paths/fr/premiers-pas.md', /^title: .*$/m, 'title: Premiers pas, édition revue');
  rmSync(join(content, 'cards', 'en', 'bilan-carbone-2026.md'));
  const data = JSON.parse(readFileSync(dashboards, 'utf8')) as { byContent: Array<{ shares: number }> };
  for (const row of data.byContent) row.shares += 7;
  writeFileSync(dashboards, JSON.stringify(data));
  b = await build('b', 'cache', later);
  c = await build('c', 'fresh-cache', later, { RELAIS_INCREMENTAL: 'off' });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
  it('reuses most pages once the caches are warm', () => {
    expect(a.reusedPages).toBe(0);
    expect(c.reusedPages).toBe(0);
    expect(b.pages).toBe(c.pages);
    expect(b.reusedPages).toBeGreaterThan((b.pages ?? 0) / 2);
  });

  it('publishes exactly what a full build publishes', () => {
    const incremental = files(join(work, 'b'));
    const full = files(join(work, 'c'));
    expect([...incremental.keys()].sort()).toEqual([...full.keys()].sort());
    const differ = [...full].filter(([path, bytes]) => !incremental.get(path)?.equals(bytes)).map(([p]) => p);
    expect(differ).toEqual([]);
  });

  it('shows the edit and the new date on the pages they touch', () => {
    const page = (dir: string, path: string) => readFileSync(join(work, dir, path), 'utf8');
    expect(page('b', `cartes/${retitled}/index.html`)).toContain('Alternance 2027, le titre révisé');
    expect(page('b', `partager/${retitled}/linkedin/index.html`)).toContain('Alternance 2027, le titre révisé');
    expect(page('a', `cartes/${expiring}/index.html`)).not.toContain('Cette carte a expiré');
    expect(page('b', `cartes/${expiring}/index.html`)).toContain('Cette carte a expiré');
  });

  it('re-indexes search when an indexed page changed, and reuses the index when none did', async () => {
    expect(a.searchReused).toBe(false);
    expect(b.searchReused).toBe(false);
    const again = await build('d', 'cache', later);
    expect(again.searchReused).toBe(true);
    expect(readdirSync(join(work, 'd', 'pagefind'), { recursive: true }).sort()).toEqual(
      readdirSync(join(work, 'b', 'pagefind'), { recursive: true }).sort(),
    );
  }, 120_000);
});
