import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root, testBase, testNow } from '../lib/paths.ts';
import { filesUnder as walk } from '../lib/site-files.ts';

/**
 * Privacy over the whole built site (issue 6): share logs full of e-mail addresses go through
 * `npm run dashboards` and `astro build`, then every text file of the output is searched for
 * every identifier of the input and for anything shaped like an e-mail address. The only
 * addresses allowed are the contact addresses written in the content itself.
 */
const dist = join(root, '.relais/privacy-dist/');
const tmp = mkdtempSync(join(tmpdir(), 'relais-privacy-'));
const logs = join(tmp, 'logs');
const clean = (address: string) => address.toLowerCase().replace(/\.+$/, '');

/**
 * Every match of `[\w.+-]+@[\w-]+\.[\w.]+`, found from each `@` outwards: the plain regex
 * backtracks quadratically over the long identifier runs of a 10 MB minified bundle.
 */
function addresses(text: string): string[] {
  const found: string[] = [];
  const local = /[\w.+-]/;
  const domain = /[\w-]+\.[\w.]+/y;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && local.test(text[start - 1] ?? '')) start--;
    domain.lastIndex = at + 1;
    const m = domain.exec(text);
    if (start < at && m) found.push(clean(text.slice(start, at + 1 + m[0].length)));
  }
  return found;
}

const leaderboard = parse(readFileSync(join(root, 'content/settings/leaderboard.yaml'), 'utf8')) as {
  entries: { ambassador: string; displayName: string }[];
};
const optedIn = leaderboard.entries;

/** Logins that are not addresses, hand-written below: they must not leak either. */
const logins = ['zq-login-4471', 'u-8812-amb', 'jdupont-zq'];
/** A team under k: named nowhere. */
const smallTeam = 'Equipe-Fantome-Zq';

/**
 * Rows the generator would not write: opted-in ambassadors sharing recruitment cards during
 * the personal challenge (so the leaderboard has names), identifiers in the team, content,
 * variant and event-id columns, a team named like an address with more than k members, a team
 * equal to an ambassador id, and a team under k.
 */
function handWritten(): string {
  const rows = ['timestamp;ambassador;team;network;content;event;variant;event_id'];
  const day = (n: number) => `2026-11-${String(10 + (n % 10)).padStart(2, '0')} 10:${String(n % 60).padStart(2, '0')}`;
  optedIn.forEach((o, i) => {
    for (let n = 0; n <= i; n++)
      rows.push(`${day(n + i)};${o.ambassador};Ventes;linkedin;alternance-rentree-2027;share;a;opt-${i}-${n}`);
  });
  for (let i = 0; i < 8; i++) {
    const who = `membre.${i}@exemple.fr`;
    rows.push(`${day(i)};${who};chef.equipe@exemple.fr;teams;apprentis-promotion-2026;share;;team-mail-${i}`);
    rows.push(`${day(i)};${who};${optedIn[0]?.ambassador};email;ligeral-50-ans;share;;team-amb-${i}`);
    rows.push(`${day(i)};${who};IT;linkedin;cachee.${i}@exemple.fr;share;"v@exemple.fr";id-${i}@exemple.fr`);
  }
  logins.forEach((login, i) => {
    rows.push(`${day(i)};${login};${smallTeam};x;alternance-rentree-2027;share;;login-${i}`);
    rows.push(`${day(i + 1)};${login};${login};facebook;${login};click;;login-click-${i}`);
  });
  return `${rows.join('\r\n')}\r\n`;
}

beforeAll(() => {
  mkdirSync(logs, { recursive: true });
  const generate = (args: string[]) => execFileSync('node', ['scripts/generate-logs.ts', ...args], { cwd: root });
  generate(['--seed', '11', '--rows', '3000', '--out', join(logs, 'gen.csv')]);
  generate(['--seed', '12', '--rows', '800', '--format', 'jsonl', '--out', join(logs, 'gen.jsonl')]);
  generate(['--seed', '13', '--rows', '800', '--format', 'log', '--out', join(logs, 'gen.log')]);
  writeFileSync(join(logs, 'hand.csv'), handWritten());
  const json = join(tmp, 'd.json');
  execFileSync('npm', ['run', 'dashboards', '--silent', '--', '--in', logs, '--out', json], { cwd: root });
  // Like the shared build, `RELAIS_TEST_REUSE=1` keeps an existing output while iterating.
  if (process.env.RELAIS_TEST_REUSE && existsSync(join(dist, 'index.html'))) return;
  rmSync(dist, { recursive: true, force: true });
  execFileSync('npx', ['astro', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, RELAIS_DASHBOARDS: json, RELAIS_OUT: dist, RELAIS_BASE: testBase, RELAIS_NOW: testNow },
  });
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every identifier of the input: all addresses in the log files, and the hand-written logins. */
function inputIdentifiers(): Set<string> {
  const ids = new Set(logins);
  for (const file of walk(logs)) for (const a of addresses(readFileSync(file, 'utf8'))) ids.add(a);
  return ids;
}

/**
 * Address-shaped strings the site may contain, none built from the logs:
 * - contact addresses written in the content (pages and settings; not the opt-in list);
 * - version strings in bundled code (`decap-cms-app@3.16.3`);
 * - addresses under `.invalid` (RFC 2606: no one can own one), the digest settings' defaults
 *   shown in the CMS configuration;
 * - translators' credits inside Pagefind's UI bundle, a file its binary writes verbatim
 *   (the identifier check above still covers it).
 */
function allowedAddress(): (address: string, file: string) => boolean {
  const content = walk(join(root, 'content')).filter((f) => f.endsWith('.md') || f.endsWith('programme.yaml'));
  const contacts = new Set(content.flatMap((f) => addresses(readFileSync(f, 'utf8'))));
  return (address, file) => {
    const domain = address.split('@')[1] ?? '';
    return (
      contacts.has(address) ||
      /^[\d.]+$/.test(domain) ||
      domain.endsWith('.invalid') ||
      /^pagefind\/pagefind(-component)?-ui\.js$/.test(file)
    );
  };
}

/** The text of every output file a browser or a crawler could read; Pagefind's are gzipped. */
function outputTexts(): { file: string; text: string }[] {
  const textual = new Set([
    '.html',
    '.json',
    '.csv',
    '.xml',
    '.ics',
    '.js',
    '.mjs',
    '.css',
    '.txt',
    '.svg',
    '.webmanifest',
    '.map',
  ]);
  return walk(dist).flatMap((file) => {
    const ext = extname(file);
    if (textual.has(ext)) return [{ file, text: readFileSync(file, 'utf8') }];
    if (ext.startsWith('.pf_')) {
      const raw = readFileSync(file);
      try {
        return [{ file, text: gunzipSync(raw).toString('utf8') }];
      } catch {
        return [{ file, text: raw.toString('utf8') }];
      }
    }
    return [];
  });
}

describe('a site built from logs full of e-mail addresses', () => {
  it('the input really is full of identifiers', () => {
    expect(inputIdentifiers().size).toBeGreaterThan(100);
  });

  it('contains no identifier of the input, anywhere', () => {
    const ids = [...inputIdentifiers()];
    const texts = outputTexts();
    expect(texts.filter((t) => t.file.endsWith('.html')).length).toBeGreaterThan(100);
    const leaks = texts.flatMap(({ file, text }) => {
      const lower = text.toLowerCase();
      return ids.filter((id) => lower.includes(id)).map((id) => `${file.slice(dist.length)}: ${id}`);
    });
    expect(leaks).toEqual([]);
  });

  it('contains no e-mail address but the allowed ones', () => {
    const allowed = allowedAddress();
    const found = outputTexts().flatMap(({ file, text }) => {
      const relative = file.slice(dist.length);
      return addresses(text)
        .filter((a) => !allowed(a, relative))
        .map((a) => `${relative}: ${a}`);
    });
    expect([...new Set(found)]).toEqual([]);
  });

  it('names no team under k, and no team or content taken from an identifier', () => {
    const html = outputTexts()
      .filter((t) => t.file.endsWith('.html') || t.file.endsWith('.csv'))
      .map((t) => t.text)
      .join('\n');
    expect(html).not.toContain(smallTeam);
    expect(readFileSync(join(dist, 'tableau-de-bord/equipes.csv'), 'utf8')).toContain('Ventes');
  });

  it('the personal challenge’s leaderboard lists only opt-in display names, in both locales', () => {
    const names = new Set(optedIn.map((o) => o.displayName));
    for (const prefix of ['', 'en/']) {
      const page = readFileSync(join(dist, prefix, 'defis/defi-dix-partages-hiver/index.html'), 'utf8');
      const table = /<table[\s\S]*?<\/table>/.exec(page.slice(page.indexOf('leaderboard-title')))?.[0] ?? '';
      const shown = [...table.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) =>
        (m[1] ?? '').replaceAll('&#39;', '’').replaceAll('&amp;', '&'),
      );
      expect(shown.length, prefix).toBeGreaterThan(0);
      for (const name of shown) expect(names.has(name), name).toBe(true);
    }
  });
});
