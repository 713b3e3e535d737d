import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type Build } from '../../scripts/lib/bench/build.ts';
import { root, testBase, testNow } from '../lib/paths.ts';

/**
 * The incremental build (Astro's page cache keyed by src/lib/cache-key.ts, the search index
 * cache, the OG image cache) must never publish a stale file. Build A fills the caches; then
 * three rounds of edits, each followed by an incremental build (same caches as A) and a clean
 * build of the same content (`RELAIS_INCREMENTAL=off`, empty caches), whose whole trees, search
 * index included, must be byte for byte the same:
 *   1. a card is retitled, "now" moves past another card's end date (and past events), an
 *      English translation is deleted, a learning path is retitled (its capsules' pages show it)
 *      and every card's share count moves (each edit reaches a different key input);
 *   2. a card is added, one renamed, one deleted, a capsule renamed and the programme settings
 *      edited;
 *   3. a capsule and an event are retitled (the trainer kit lists both) and the digest's
 *      unsubscribe address changed (the digest preview is keyed by what the digest is made of);
 *   4. only the capsule the coming digest shows is retitled: the digest's own content, apart
 *      from its settings.
 * Rounds 3 and 4 draw OG images (the others build with `RELAIS_OG=off`, which is faster).
 */
const work = mkdtempSync(join(tmpdir(), 'relais-incremental-'));
const content = join(work, 'content');
const retitled = 'alternance-rentree-2027';
const bilingual = 'capteur-vigie-fuites'; // French and English
const expiring = 'apprentis-promotion-2026'; // validUntil 2026-12-20
const later = '2026-12-25T10:00:00+01:00';
const added = 'ligeral-51-ans';
const renamedCard = { from: 'journee-nettoyage-loire', to: 'journee-nettoyage-loire-2027' };
const deletedCard = 'contrat-ligeral-care';
const renamedCapsule = { from: 'ce-qui-reste-confidentiel', to: 'ce-qui-reste-interne' };

const dashboards = join(work, 'dashboards.json');
const build = (label: string, cache: string, now: string, more: NodeJS.ProcessEnv = {}) =>
  astroBuild(
    label,
    root,
    { cacheDir: join(work, cache), outDir: join(work, label) },
    {
      RELAIS_CONTENT: content,
      RELAIS_BASE: testBase,
      RELAIS_NOW: now,
      RELAIS_OG: 'off',
      RELAIS_OG_CACHE: join(work, `${cache}-og`),
      RELAIS_DASHBOARDS: dashboards,
      RELAIS_PAGEFIND_CACHE: join(work, `${cache}-search`),
      ...more,
    },
    work,
  );
/** The incremental build of round `n` (A's caches) and the clean build of the same content. */
const round = async (n: number, more: NodeJS.ProcessEnv = {}) => ({
  incremental: await build(`b${n}`, 'cache', later, more),
  clean: await build(`c${n}`, `fresh-${n}`, later, { RELAIS_INCREMENTAL: 'off', ...more }),
});

/** Every file of a build's output, search index included, by path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(e.parentPath, e.name));
    if (e.isFile()) out.set(path, readFileSync(join(dir, path)));
  }
  return out;
}

/** The paths whose bytes differ between two builds, and those only one of them has. */
function differences(a: string, b: string): string[] {
  const one = files(join(work, a));
  const two = files(join(work, b));
  const paths = new Set([...one.keys(), ...two.keys()]);
  return [...paths].filter((p) => !one.get(p)?.equals(two.get(p) ?? Buffer.alloc(0)) || !two.has(p)).sort();
}

const edit = (path: string, from: RegExp, to: string) => {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  expect(text, path).toMatch(from);
  writeFileSync(file, text.replace(from, to));
};
/** Renames an entry in both languages (where it has a translation). */
const rename = (collection: string, from: string, to: string) => {
  for (const lang of ['fr', 'en']) {
    const file = join(content, collection, lang, `${from}.md`);
    if (existsSync(file)) renameSync(file, join(content, collection, lang, `${to}.md`));
  }
};

let a: Build;
/** Round 1's incremental output as it was written, to show that later builds never write through it. */
let b1Written = new Map<string, Buffer>();
const rounds: Array<{ incremental: Build; clean: Build }> = [];
beforeAll(async () => {
  cpSync(join(root, 'content'), content, { recursive: true });
  cpSync(join(root, '.relais', 'dashboards.json'), dashboards);
  a = await build('a', 'cache', testNow);

  edit(`cards/fr/${retitled}.md`, /^title: .*$/m, 'title: Alternance 2027, le titre révisé');
  edit('paths/fr/premiers-pas.md', /^title: .*$/m, 'title: Premiers pas, édition revue');
  rmSync(join(content, 'cards', 'en', 'bilan-carbone-2026.md'));
  const data = JSON.parse(readFileSync(dashboards, 'utf8')) as { byContent: Array<{ shares: number }> };
  for (const row of data.byContent) row.shares += 7;
  writeFileSync(dashboards, JSON.stringify(data));
  rounds.push(await round(1));
  b1Written = files(join(work, 'b1'));

  cpSync(join(content, 'cards', 'fr', 'ligeral-50-ans.md'), join(content, 'cards', 'fr', `${added}.md`));
  edit(`cards/fr/${added}.md`, /^title: .*$/m, 'title: Cinquante et un ans, et la suite');
  rename('cards', renamedCard.from, renamedCard.to);
  rmSync(join(content, 'cards', 'fr', `${deletedCard}.md`));
  rename('capsules', renamedCapsule.from, renamedCapsule.to);
  edit('settings/programme.yaml', /^name: .*$/m, 'name: Relais Ligéral');
  rounds.push(await round(2));

  edit('capsules/fr/premier-partage.md', /^title: .*$/m, 'title: Premier partage, pas à pas');
  edit('settings/digest.yaml', /^unsubscribe: .*$/m, 'unsubscribe: mailto:relais@exemple.invalid?subject=stop');
  edit('events/fr/atelier-profil-gien.md', /^title: .*$/m, 'title: Atelier profil à Gien, horaires revus');
  rounds.push(await round(3, { RELAIS_OG: 'render' }));

  edit('capsules/fr/charte-en-5-minutes.md', /^title: .*$/m, 'title: La charte en cinq minutes, revue');
  rounds.push(await round(4, { RELAIS_OG: 'render' }));
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
  it('reuses most pages once the caches are warm, and none with RELAIS_INCREMENTAL=off', () => {
    expect(a.reusedPages).toBe(0);
    for (const { incremental, clean } of rounds) {
      expect(clean.reusedPages).toBe(0);
      expect(incremental.pages).toBe(clean.pages);
    }
    // Round 2 edits the settings, which every page shows: nothing can be reused.
    const [one, , three] = rounds;
    expect(one?.incremental.reusedPages).toBeGreaterThan((one?.incremental.pages ?? 0) / 2);
    expect(three?.incremental.reusedPages).toBeGreaterThan((three?.incremental.pages ?? 0) / 2);
  });

  it.each([1, 2, 3, 4])('round %i publishes exactly what a clean build publishes', (n) => {
    expect(differences(`b${n}`, `c${n}`)).toEqual([]);
  });

  it('shows each edit on the pages it touches', () => {
    const page = (dir: string, path: string) => readFileSync(join(work, dir, path), 'utf8');
    expect(page('b1', `cartes/${retitled}/index.html`)).toContain('Alternance 2027, le titre révisé');
    expect(page('b1', `partager/${retitled}/linkedin/index.html`)).toContain('Alternance 2027, le titre révisé');
    expect(page('a', `cartes/${expiring}/index.html`)).not.toContain('Cette carte a expiré');
    expect(page('b1', `cartes/${expiring}/index.html`)).toContain('Cette carte a expiré');
    expect(page('b2', `cartes/${added}/index.html`)).toContain('Cinquante et un ans, et la suite');
    expect(existsSync(join(work, 'b2', 'cartes', renamedCard.from))).toBe(false);
    expect(existsSync(join(work, 'b2', 'cartes', renamedCard.to, 'index.html'))).toBe(true);
    expect(existsSync(join(work, 'b2', 'cartes', deletedCard))).toBe(false);
    expect(existsSync(join(work, 'b2', 'capsules', renamedCapsule.from))).toBe(false);
    expect(existsSync(join(work, 'b2', 'capsules', renamedCapsule.to, 'index.html'))).toBe(true);
    expect(page('b2', 'index.html')).toContain('Relais Ligéral');
    expect(page('b3', 'capsules/premier-partage/index.html')).toContain('Premier partage, pas à pas');
    expect(page('b3', 'formateurs/index.html')).toContain('Premier partage, pas à pas');
    expect(page('b2', 'admin/digest/index.html')).not.toContain('subject=stop');
    expect(page('b3', 'admin/digest/index.html')).toContain('subject=stop');
    expect(page('b3', 'formateurs/index.html')).toContain('Atelier profil à Gien, horaires revus');
    // The digest's own content (its view), alone in round 4.
    expect(page('b3', 'admin/digest/index.html')).toContain('La charte Relais en cinq minutes');
    expect(page('b4', 'admin/digest/index.html')).toContain('La charte en cinq minutes, revue');
  });

  it('re-indexes search when an indexed page changed, and reuses the index when none did', async () => {
    expect(a.searchReused).toBe(false);
    expect(rounds[0]?.incremental.searchReused).toBe(false);
    const again = await build('d', 'cache', later, { RELAIS_OG: 'render' });
    expect(again.searchReused).toBe(true);
    expect(again.reusedPages).toBeGreaterThan((again.pages ?? 0) / 2);
    expect(again.rendered).toBe(0);
    expect(differences('d', 'b4')).toEqual([]);
  }, 180_000);

  it('re-indexes only the language an edit touched, into the index Pagefind makes of the whole site', async () => {
    // A card translated in both languages: its French edit changes no English page. (A card
    // with no English translation shows on the English side as a fallback, so an edit to it
    // re-indexes both languages.)
    expect(existsSync(join(content, 'cards', 'en', `${bilingual}.md`))).toBe(true);
    edit(`cards/fr/${bilingual}.md`, /^title: .*$/m, 'title: Vigie, le capteur qui repère les fuites, titre revu');
    const e = await build('e', 'cache', later);
    expect(readFileSync(join(work, 'e', 'cartes', bilingual, 'index.html'), 'utf8')).toContain('titre revu');
    expect(readFileSync(join(work, 'e', 'en', 'cartes', bilingual, 'index.html'), 'utf8')).not.toContain('titre revu');
    expect(e.output).toMatch(/en \d+ pages inchangées/);
    expect(e.output).toMatch(/fr \d+ pages indexées/);
    // One Pagefind index of the whole built site, as a clean build without the cache would make it.
    const site = join(work, 'e');
    const whole = join(work, 'e-whole-index');
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('Pagefind did not start');
    const added = await index.addDirectory({ path: site });
    expect(added.errors).toEqual([]);
    await index.writeFiles({ outputPath: whole });
    await pagefind.close();
    const ours = files(join(site, 'pagefind'));
    const theirs = files(whole);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    expect([...theirs].filter(([path, bytes]) => !ours.get(path)?.equals(bytes)).map(([p]) => p)).toEqual([]);
  }, 180_000);

  it('never changes an earlier build’s files: reused pages are linked, changed ones written anew', () => {
    // Round 1 linked the pages it reused from the cache (src/lib/cache-restore.ts); the later
    // builds render most of them again (round 2 edits the settings), each into a file of its
    // own: written through the link, the new page would also land in round 1's output.
    expect(rounds[0]?.incremental.reusedPages).toBeGreaterThan(0);
    const now = files(join(work, 'b1'));
    expect([...b1Written.keys()].filter((p) => !now.get(p)?.equals(b1Written.get(p) ?? Buffer.alloc(0)))).toEqual([]);
    expect(now.size).toBe(b1Written.size);
  });
});
