/**
 * The store's promise (issue 15): the dashboards of an incremental build are byte-identical to
 * those of a full build from scratch, whatever happened to the logs in between. Each seed builds
 * a log folder (CSV, JSON Lines and access logs; duplicates within and across files, rows without
 * event id, malformed rows, five ISO weeks across the spring DST change, ambassadors in teams,
 * the fixture programme's challenges and opt-in list), then applies a random history of appends,
 * rotations, deletions, edits, copies, truncations and programme changes, and after every step
 * compares an incremental build on the kept cache with a full build. The reports must show that
 * the incremental builds did reuse their cache, so the test cannot pass by always rebuilding.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../src/sharelog/programme.ts';
import { kindOf } from '../../../src/sharelog/read.ts';
import type { StoreReport } from '../../../src/sharelog/store/run.ts';
import { parseDay } from '../../../src/sharelog/timestamp.ts';
import type { ChallengeDef } from '../../../src/sharelog/types.ts';
import { paris } from './helpers.ts';
import { type Prng, prng, ROOT, reused, Workspace } from './store-helpers.ts';

/**
 * Compression of rotated access logs (logrotate's `compress`: access.log.2 → access.log.2.gz),
 * one of the random steps: the reader streams `.gz` inputs, so the property covers them.
 */
const COMPRESS = true;

/** logrotate's rotated names when the reader knows them (access.log.1), else names it reads. */
const LOGROTATE_NAMES = kindOf('access.log.1') !== undefined;
const rotatedName = (dir: string, n: number) => `${dir}${LOGROTATE_NAMES ? `access.log.${n}` : `access-${n}.log`}`;
const ROTATED = LOGROTATE_NAMES ? /access\.log\.(\d+)(\.gz)?$/ : /access-(\d+)\.log(\.gz)?$/;

const SEEDS = [1, 2, 3, 4, 5, 6];
const DIRS = ['', 'server2/'];

// --- rows ---------------------------------------------------------------------------------

const TEAM: Record<string, string> = {
  'alice.martin@exemple.fr': 'Ventes',
  'bob@exemple.fr': 'Ventes',
  'carol@exemple.fr': 'RH',
  dmartin: 'RH',
  'e.leroy': 'Tech',
  'frank@exemple.fr': 'Ventes',
  gina: 'Tech',
  'hugo@exemple.fr': 'RH',
};
const AMBASSADORS = [...Object.keys(TEAM), ''];
const NETWORKS = ['linkedin', 'li', 'x', 'twitter', 'facebook', 'teams', 'msteams', 'email', 'whatsapp', 'mastodon'];
// One content is named like an ambassador: withheld from byContent (privacy), in both builds.
const CONTENTS = ['salon', 'offres-alternance', 'rapport-annuel', 'podcast', 'offres alternance', 'dmartin'];
const EVENTS = ['share', 'share', 'share', 'partage', 'click', 'clic', 'reaction', 'comment'];
const VARIANTS = ['', '', 'a', 'b'];
/** Same-length words for edits in place that keep the file's size. */
const SWAPS: Array<[string, string]> = [
  ['share', 'click'],
  ['click', 'share'],
  ['linkedin', 'facebook'],
  ['facebook', 'linkedin'],
  ['teams', 'email'],
  ['salon', 'Salon'],
];
/** Monday 16 March 2026, Paris; five weeks, the clocks go forward on Sunday 29 March. */
const START = Date.parse('2026-03-16T00:00:00+01:00');
const SPAN = 35 * 86_400_000;

interface Row {
  ms: number;
  amb: string;
  team: string;
  network: string;
  content: string;
  event: string;
  variant: string;
  id: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Local wall-clock fields of an instant in Paris, and the offset as +hhmm. */
function local(ms: number) {
  const off = paris.offsetAt(ms);
  const d = new Date(ms + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    off: `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`,
  };
}

class Rows {
  private ids = 0;
  /** Rows written so far: the source of duplicates. */
  readonly written: Row[] = [];
  private readonly r: Prng;
  constructor(r: Prng) {
    this.r = r;
  }

  fresh(withId: boolean): Row {
    const { r } = this;
    const amb = r.pick(AMBASSADORS);
    return {
      // Whole seconds mostly, some milliseconds; a few rows in the hour the clocks skip.
      ms: r.chance(0.03)
        ? Date.parse('2026-03-29T01:00:00Z') + r.int(0, 59) * 60_000
        : START + Math.floor((r.next() * SPAN) / 1000) * 1000 + (r.chance(0.2) ? r.int(1, 999) : 0),
      amb: amb !== '' && r.chance(0.2) ? amb.toUpperCase() : amb,
      team: amb === '' || r.chance(0.1) ? '' : (TEAM[amb] as string),
      network: r.pick(NETWORKS),
      content: r.pick(CONTENTS),
      event: r.pick(EVENTS),
      variant: r.pick(VARIANTS),
      id: withId ? `ev-${++this.ids}` : '',
    };
  }

  /** A row for a file of `kind`: new, or (often) one already written, as a duplicate. */
  next(kind: string): Row {
    const { r } = this;
    const fits = (row: Row) => kind !== 'log' || (row.id === '' && /^(share|partage)$/.test(row.event));
    let row: Row | undefined;
    if (this.written.length > 0 && r.chance(0.15)) {
      const old = r.pick(this.written);
      if (fits(old)) row = r.chance(0.2) ? { ...this.fresh(false), id: old.id } : old; // same id, other event
    }
    row ??= this.fresh(kind !== 'log' && r.chance(0.6));
    if (kind === 'log' && !/^(share|partage)$/.test(row.event)) row = { ...row, event: 'share' };
    this.written.push(row);
    return row;
  }
}

function csvLine(r: Prng, row: Row, sep: string): string {
  const l = local(row.ms);
  const timestamp = r.pick([
    () => `${l.y}-${pad(l.mo + 1)}-${pad(l.d)} ${l.time}`,
    () => `${pad(l.d)}/${pad(l.mo + 1)}/${l.y} ${l.time}`,
    () => new Date(row.ms).toISOString(),
  ])();
  const team = row.team !== '' && r.chance(0.1) ? `"${row.team}${sep} export"` : row.team;
  return [timestamp, row.amb, team, row.network, row.content, row.event, row.variant, row.id].join(sep);
}

function jsonLine(r: Prng, row: Row): string {
  const o: Record<string, unknown> = {
    timestamp: r.chance(0.5) ? new Date(row.ms).toISOString() : `${new Date(row.ms).toISOString().slice(0, 19)}Z`,
    ambassador: row.amb === '' ? null : row.amb,
    network: row.network,
    content: row.content,
    event: row.event,
  };
  if (row.team !== '') o.team = row.team;
  if (row.variant !== '') o.variant = row.variant;
  if (row.id !== '') o.event_id = r.chance(0.1) ? Number(row.id.slice(3)) : row.id;
  return JSON.stringify(o);
}

function logLine(r: Prng, row: Row): string {
  const l = local(row.ms);
  const time = `${pad(l.d)}/${MONTHS[l.mo]}/${l.y}:${l.time} ${l.off}`;
  const v = row.variant === '' ? '' : `?v=${row.variant}`;
  const prefix = r.chance(0.5) ? '/hub' : '';
  const path = `${prefix}/partager/${encodeURIComponent(row.content)}/${row.network}/${v}`;
  return `10.0.0.${r.int(1, 9)} - ${row.amb || '-'} [${time}] "GET ${path} HTTP/1.1" ${r.pick([200, 302])} 0 "-" "Mozilla/5.0"`;
}

/** A line that is not a valid row: rejected (CSV, JSON Lines) or ignored or rejected (logs). */
function badLine(r: Prng, kind: string, sep: string): string {
  if (kind === 'csv')
    return r.pick([
      `hier${sep}bob@exemple.fr${sep}Ventes${sep}li${sep}salon${sep}share${sep}${sep}`,
      `2026-03-20 10:00${sep}bob@exemple.fr${sep}Ventes${sep}${sep}salon${sep}share${sep}${sep}`,
      `2026-03-20 10:00${sep}bob@exemple.fr${sep}Ventes${sep}li${sep}salon`,
      `2026-03-20 10:00${sep}bob@exemple.fr${sep}Ventes${sep}li${sep}salon${sep}like${sep}${sep}`,
      `2026-03-20 10:00${sep}bob@exemple.fr${sep}Ventes${sep}li${sep}${sep}share${sep}${sep}`,
      // A quote inside a field is an ordinary character; one that starts a field and is never
      // closed makes the rest of the file one field (so two quotes, and the file ends in a field).
      `2026-03-20 10:00${sep}o"brien${sep}Ventes${sep}li${sep}salon${sep}share${sep}${sep}`,
      `2026-03-20 10:00${sep}o"brien${sep}"Ventes${sep}li${sep}salon${sep}share${sep}${sep}`,
      '',
    ]);
  if (kind === 'jsonl')
    return r.pick([
      'not json',
      '[1,2]',
      '{"timestamp":"2026-13-01","network":"li","content":"x"}',
      '{"timestamp": "2026-03-2',
      '',
    ]);
  return r.pick([
    'garbage, not a log line',
    '10.0.0.3 - bob [20/Mar/2026:10:00:00 +0100] "POST /partager/salon/linkedin/ HTTP/1.1" 302 0 "-" "M"',
    '10.0.0.3 - bob [20/Mar/2026:10:00:00 +0100] "GET /partager/salon/linkedin/ HTTP/1.1" 404 0 "-" "M"',
    '10.0.0.3 - bob [20/Mar/2026:10:00:00 +0100] "GET /assets/app.css HTTP/1.1" 200 900 "-" "M"',
    '10.0.0.3 - bob [99/Foo/2026:10:00:00 +0100] "GET /partager/salon/email/ HTTP/1.1" 301 0 "-" "M"',
  ]);
}

// --- the history --------------------------------------------------------------------------

interface CsvStyle {
  sep: string;
  eol: string;
  bom: boolean;
}

class History {
  readonly rows: Rows;
  readonly styles = new Map<string, CsvStyle>();
  /** Files whose mtime was set ahead of the real clock (racy on every build), with that mtime. */
  readonly ahead = new Map<string, number>();
  challenges: ChallengeDef[];
  optIn: Map<string, string>;
  k = 3;
  readonly log: string[] = [];
  private made = 0;

  readonly r: Prng;
  readonly ws: Workspace;

  constructor(r: Prng, ws: Workspace, programme: { challenges: ChallengeDef[]; optIn: Map<string, string> }) {
    this.r = r;
    this.ws = ws;
    this.rows = new Rows(r);
    this.challenges = [...programme.challenges];
    this.optIn = new Map(programme.optIn);
  }

  files(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(this.ws.logs, dir), { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${dir}${e.name}/`);
        else out.push(`${dir}${e.name}`);
      }
    };
    walk('');
    return out.sort();
  }

  private style(rel: string): CsvStyle {
    let s = this.styles.get(rel);
    if (!s) {
      s = { sep: this.r.chance(0.3) ? ';' : ',', eol: this.r.chance(0.25) ? '\r\n' : '\n', bom: this.r.chance(0.3) };
      this.styles.set(rel, s);
    }
    return s;
  }

  private kind(rel: string): string {
    return kindOf(rel.replace(/\.gz$/, '')) ?? 'log';
  }

  /** `n` lines for the file, mostly valid rows. */
  lines(rel: string, n: number): string[] {
    const kind = this.kind(rel);
    const { sep } = kind === 'csv' ? this.style(rel) : { sep: ',' };
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (this.r.chance(0.12)) out.push(badLine(this.r, kind, sep));
      else {
        const row = this.rows.next(kind);
        out.push(
          kind === 'csv' ? csvLine(this.r, row, sep) : kind === 'jsonl' ? jsonLine(this.r, row) : logLine(this.r, row),
        );
      }
    }
    return out;
  }

  header(rel: string): string {
    const { sep, eol, bom } = this.style(rel);
    const names = ['timestamp', 'ambassador', 'team', 'network', 'content', 'event', 'variant', 'event_id'];
    return `${bom ? '\ufeff' : ''}${names.join(sep)}${eol}`;
  }

  eol(rel: string): string {
    return this.kind(rel) === 'csv' ? this.style(rel).eol : '\n';
  }

  /** A new file of `n` lines (a CSV starts with its header). */
  create(rel: string, n: number): void {
    const eol = this.eol(rel);
    const body = this.lines(rel, n).join(eol) + eol;
    // Some exports start with a blank line before their header.
    const head = this.kind(rel) === 'csv' ? (this.r.chance(0.15) ? eol : '') + this.header(rel) : '';
    this.ws.write(rel, head + body);
    this.ahead.delete(rel);
  }

  setup(): void {
    this.create('export-1.csv', this.r.int(20, 60));
    this.create('export.jsonl', this.r.int(20, 60));
    this.create('access.log', this.r.int(20, 60));
    if (this.r.chance(0.5)) this.create('server2/access.log', this.r.int(5, 30));
  }

  /** Applies one random operation; returns its description. */
  step(): string {
    const { r, ws } = this;
    const files = this.files();
    const plain = files.filter((f) => !f.endsWith('.gz'));
    const op = r.pick([
      ...Array<string>(10).fill('append'),
      'create',
      'rotate',
      'rotate',
      ...(COMPRESS ? ['compress', 'compress'] : []),
      'delete',
      'edit-same-size',
      'edit-same-size',
      'edit-resize',
      'copy',
      'copy',
      'truncate',
      'rename-kind',
      'racy',
      'racy',
      'racy',
      'challenges',
      'challenges',
      'opt-in',
      'k',
      'nothing',
    ]);
    const file = plain.length > 0 ? r.pick(plain) : undefined;
    // A file whose mtime is ahead of the clock is edited keeping its size and mtime, else one is put ahead.
    const racy = this.ahead.size > 0 && r.chance(0.7) ? 'racy-edit' : 'racy-ahead';
    switch (op === 'racy' ? racy : op) {
      case 'append': {
        const rel = file ?? 'access.log';
        if (!existsSync(ws.path(rel))) this.create(rel, 0);
        const eol = this.eol(rel);
        const content = ws.read(rel);
        let text = '';
        if (content.length === 0 && this.kind(rel) === 'csv' && r.chance(0.9)) text += this.header(rel);
        else if (content.length > 0 && content[content.length - 1] !== 10 && r.chance(0.6)) text += eol;
        // An export with a byte-order mark appended whole (cat export.jsonl >> all.jsonl).
        else if (content.length > 0 && r.chance(0.08)) text += '\ufeff';
        text += this.lines(rel, r.int(1, 15)).join(eol);
        if (!r.chance(0.1)) text += eol; // sometimes a last line without newline
        ws.append(rel, text);
        this.ahead.delete(rel);
        return `append ${rel} ${JSON.stringify(text.slice(0, 40))}…`;
      }
      case 'create': {
        const rel = `${r.pick(DIRS)}export-${++this.made + 1}.${r.pick(['csv', 'jsonl', 'ndjson'])}`;
        this.create(rel, r.int(1, 30));
        return `create ${rel}`;
      }
      case 'rotate': {
        const dir = r.pick(DIRS);
        if (!existsSync(ws.path(`${dir}access.log`))) return 'rotate (no access.log)';
        const rotatedFiles = files
          .filter((f) => f.startsWith(dir) && !f.slice(dir.length).includes('/') && ROTATED.test(f))
          .map((f) => ({ f, n: Number(ROTATED.exec(f)?.[1]), gz: f.endsWith('.gz') }))
          .sort((a, b) => b.n - a.n);
        for (const { f, n, gz } of rotatedFiles)
          renameSync(ws.path(f), ws.path(`${rotatedName(dir, n + 1)}${gz ? '.gz' : ''}`));
        renameSync(ws.path(`${dir}access.log`), ws.path(rotatedName(dir, 1))); // same inode, same mtime
        writeFileSync(ws.path(`${dir}access.log`), '');
        ws.touch(`${dir}access.log`);
        for (const rel of [...this.ahead.keys()]) if (rel.startsWith(dir)) this.ahead.delete(rel);
        return `rotate ${dir}access.log`;
      }
      case 'compress': {
        const candidates = files.filter(
          (f) => ROTATED.test(f) && !f.endsWith('.gz') && Number(ROTATED.exec(f)?.[1]) >= 2,
        );
        if (candidates.length === 0) return 'compress (none)';
        const rel = r.pick(candidates);
        writeFileSync(ws.path(`${rel}.gz`), gzipSync(ws.read(rel)));
        ws.touch(`${rel}.gz`);
        rmSync(ws.path(rel));
        return `compress ${rel}`;
      }
      case 'delete': {
        if (!file || files.length < 3) return 'delete (too few files)';
        rmSync(ws.path(file));
        return `delete ${file}`;
      }
      case 'edit-same-size':
      case 'racy-edit': {
        const rel = op === 'racy' ? r.pick([...this.ahead.keys()]) : file;
        if (!rel || !existsSync(ws.path(rel))) return `${op} (no file)`;
        const bytes = ws.read(rel);
        // A word swapped for another of the same length (an event, a network, a content), else a digit.
        const text = bytes.toString('latin1');
        const swaps = SWAPS.flatMap(([a, b]) =>
          [...text.matchAll(new RegExp(a, 'g'))].map((m) => [m.index, b] as const),
        );
        const digits = [...bytes.keys()].filter((i) => (bytes[i] as number) >= 48 && (bytes[i] as number) <= 57);
        let at: number;
        if (swaps.length > 0 && r.chance(0.8)) {
          const [i, word] = r.pick(swaps);
          bytes.write(word, i, 'latin1');
          at = i;
        } else if (digits.length > 0) {
          at = r.pick(digits);
          bytes[at] = 48 + (((bytes[at] as number) - 48 + r.int(1, 9)) % 10);
        } else return `${op} ${rel} (nothing to change)`;
        writeFileSync(ws.path(rel), bytes); // same inode, same size
        if (op === 'racy')
          ws.touch(rel, this.ahead.get(rel)); // and the same mtime
        else {
          ws.touch(rel);
          this.ahead.delete(rel);
        }
        return `${op === 'racy' ? 'racy-edit' : op} ${rel} byte ${at}`;
      }
      case 'edit-resize': {
        if (!file) return 'edit-resize (no file)';
        const eol = this.eol(file);
        const lines = ws.read(file).toString('utf8').split('\n');
        const first = this.kind(file) === 'csv' ? 1 : 0;
        if (lines.length <= first + 1) return `edit-resize ${file} (too short)`;
        const at = r.int(first, lines.length - 2);
        const eolCr = eol === '\r\n' ? '\r' : '';
        if (r.chance(0.3)) lines.splice(at, 1);
        else lines[at] = `${this.lines(file, 1)[0]}${eolCr}`;
        ws.write(file, lines.join('\n'));
        this.ahead.delete(file);
        return `edit-resize ${file} line ${at + 1}`;
      }
      case 'copy': {
        if (!file) return 'copy (no file)';
        const base = file.replace(/^server2\//, '');
        const to = r.chance(0.7) ? (file.startsWith('server2/') ? base : `server2/${base}`) : `copie-${base}`;
        if (to === file) return 'copy (same name)';
        ws.write(to, ''); // makes the folder
        copyFileSync(ws.path(file), ws.path(to));
        ws.touch(to);
        if (this.styles.has(file)) this.styles.set(to, this.styles.get(file) as CsvStyle);
        this.ahead.delete(to);
        return `copy ${file} → ${to}`;
      }
      case 'truncate': {
        if (!file) return 'truncate (no file)';
        const bytes = ws.read(file);
        const cuts = [0, ...[...bytes.keys()].filter((i) => bytes[i] === 10).map((i) => i + 1)];
        const size = r.chance(0.7) ? r.pick(cuts) : r.int(0, bytes.length);
        truncateSync(ws.path(file), size);
        ws.touch(file);
        this.ahead.delete(file);
        return `truncate ${file} to ${size}`;
      }
      case 'rename-kind': {
        if (!file) return 'rename-kind (no file)';
        const kinds = ['.csv', '.jsonl', '.log'].filter((x) => !file.endsWith(x));
        const to = file.replace(/(\.\d+)?\.[a-z]+$/, r.pick(kinds));
        if (to === file || existsSync(ws.path(to))) return 'rename-kind (taken)';
        renameSync(ws.path(file), ws.path(to)); // same inode, size and mtime
        this.ahead.delete(file);
        return `rename-kind ${file} → ${to}`;
      }
      case 'racy-ahead': {
        if (!file) return 'racy-ahead (no file)';
        const at = Date.now() + 3_600_000 + r.int(0, 1000) * 1000;
        ws.touch(file, at);
        this.ahead.set(file, at);
        return `racy-ahead ${file}`;
      }
      case 'challenges': {
        const c = this.challenges;
        const choice = r.int(0, 2);
        if (choice === 0 || c.length === 0) {
          const start = START + r.int(0, 34) * 86_400_000 + r.int(0, 23) * 3_600_000;
          const end = start + r.int(1, 10 * 24) * 3_600_000;
          const contents = r.chance(0.4) ? null : new Set(CONTENTS.filter(() => r.chance(0.4)));
          c.push({ id: `defi-${c.length}-${r.int(0, 999)}`, start, end, contents });
          return `challenge added ${new Date(start).toISOString()}…${new Date(end).toISOString()}`;
        }
        const i = r.int(0, c.length - 1);
        if (choice === 1) {
          const [gone] = c.splice(i, 1);
          return `challenge removed ${gone?.id}`;
        }
        const old = c[i] as ChallengeDef;
        c[i] = { ...old, end: Math.max(old.start, old.end + r.int(-2, 3) * 86_400_000 + 1) };
        return `challenge ${old.id} end moved`;
      }
      case 'opt-in': {
        const amb = r.pick(AMBASSADORS.filter((a) => a !== ''));
        if (this.optIn.has(amb) && r.chance(0.5)) {
          this.optIn.delete(amb);
          return `opt-in removed ${amb}`;
        }
        this.optIn.set(amb, r.pick(['Alice M.', 'Bob', 'Caro', 'D.', 'Hugo']));
        return `opt-in ${amb}`;
      }
      case 'k':
        this.k = r.int(1, 5);
        return `k = ${this.k}`;
      default:
        return 'nothing';
    }
  }
}

// --- the property -------------------------------------------------------------------------

let programme: Awaited<ReturnType<typeof loadProgramme>>;
const spaces: Workspace[] = [];
beforeAll(async () => {
  programme = await loadProgramme(join(ROOT, 'tests/fixtures/sharelog/content'), paris);
  expect(programme.challenges.length).toBeGreaterThan(0);
});
afterAll(() => {
  for (const ws of spaces) ws.remove();
});

describe('an incremental build equals a full build from scratch', () => {
  it.each(SEEDS)(
    'seed %i: after every step of a random history',
    async (seed) => {
      const r = prng(seed);
      const ws = new Workspace();
      spaces.push(ws);
      const h = new History(r, ws, programme);
      // One seed in three with a date range (rows out of range on both sides).
      const range = seed % 3 === 0 ? { from: parseDay('2026-03-18'), to: parseDay('2026-04-12') } : {};
      h.setup();
      const steps = r.int(30, 50);
      const reports: Array<{ op: string; report: StoreReport }> = [];
      for (let i = 0; i <= steps; i++) {
        const op = i === 0 ? 'setup' : h.step();
        h.log.push(op);
        const opts = { k: h.k, challenges: h.challenges, optIn: h.optIn, ...range };
        const inc = await ws.incremental(opts);
        const full = await ws.full(opts);
        const where = `seed ${seed}, step ${i}: ${h.log.slice(-8).join(' / ')}`;
        expect(inc.json, where).toBe(full.json);
        // What the incremental build read it rejected exactly as the full build did, on the same line.
        const all = new Set(full.rejects.map((x) => JSON.stringify(x)));
        for (const x of inc.rejects) expect(all.has(JSON.stringify(x)), `${where}: ${JSON.stringify(x)}`).toBe(true);
        // The cache is never thrown away here: only the first build has none.
        expect(inc.report.rebuilt, where).toBe(i === 0 ? 'no cache yet' : null);
        if (op === 'nothing' || op.startsWith('k =') || op.startsWith('opt-in'))
          expect(inc.report, where).toMatchObject({ filesRead: 0, tailsRead: 0, weeksComputed: 0 });
        reports.push({ op, report: inc.report });
      }
      const later = reports.slice(1).map((x) => x.report);
      // Every later build reused files or tails, and most recomputed only some of the weeks.
      expect(later.filter((x) => reused(x) > 0).length).toBeGreaterThanOrEqual(later.length * 0.9);
      expect(later.filter((x) => x.weeksComputed < x.weeks).length).toBeGreaterThanOrEqual(later.length * 0.3);
      expect(later.some((x) => x.tailsRead > 0)).toBe(true);
      expect(reports[0]?.report.filesRead).toBeGreaterThanOrEqual(3);
    },
    20_000,
  );
});
