import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/digest.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('npm run digest', () => {
  it('writes the .eml, its parts and both chat messages for the week', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-cli-'));
    const r = run('--week', '2026-W49', '--locale', 'en', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/digest 2026-W49 \(en\): .*digest-2026-W49-en\.eml, HTML \d+\.\d KB/);
    expect(readdirSync(dir).sort()).toEqual(
      ['eml', 'html', 'slack.json', 'teams.json', 'txt'].map((x) => `digest-2026-W49-en.${x}`).sort(),
    );
    const mail = await simpleParser(readFileSync(join(dir, 'digest-2026-W49-en.eml')));
    expect(mail.subject).toBe('Relais · this week’s digest 2026-W49');
    expect(mail.text).toContain('https://relais.intranet.exemple.fr/en/partager/');
    expect(mail.html).toBe(readFileSync(join(dir, 'digest-2026-W49-en.html'), 'utf8'));
  });

  it('refuses a bad week, locale or missing --out with exit code 2 and says what was expected', () => {
    const bad = run('--week', '2026-49', '--out', '/tmp/never');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--week "2026-49": attendu une semaine ISO comme 2026-W49/);
    const w53 = run('--week', '2027-W53', '--out', '/tmp/never');
    expect(w53.status).toBe(2);
    expect(w53.stderr).toMatch(/l’année 2027 a des semaines 01 à 52/);
    expect(run('--week', '2026-W49', '--locale', 'de', '--out', '/tmp/never').stderr).toMatch(
      /--locale de: attendu fr ou en/,
    );
    expect(run('--week', '2026-W49').status).toBe(2);
    expect(run('--bogus').status).toBe(2);
  });

  it('prints its help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--week YYYY-Www[\s\S]*--send[\s\S]*--force[\s\S]*Exit codes/);
  });
});
