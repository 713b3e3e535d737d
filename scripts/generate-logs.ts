/**
 * Seeded generator of realistic share logs (issue 6): months of activity with a launch peak then
 * a plateau, weekday/hour rhythm, a few heavy sharers and many occasional ones (90-9-1: most of
 * the headcount only watches and never appears), several teams of which some are too small to
 * be named, LinkedIn-dominated networks, and a sprinkling of malformed rows and duplicates.
 *
 *   node scripts/generate-logs.ts --seed 1 --rows 3000 --out FILE
 *     [--format csv|jsonl|log|matomo|matomo-campaigns|plausible|ga4]
 *   node scripts/generate-logs.ts --sample   # rewrites the committed samples in content/logs/
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createZone, DAY, formatDay, parseDay } from '../src/sharelog/timestamp.ts';
import {
  ga4ExplorationCsv,
  matomoCampaignsCsv,
  matomoVisit,
  plausibleSourcesCsv,
  type ReportCell,
} from './lib/programme/exports.ts';

type Format = 'csv' | 'jsonl' | 'log' | 'matomo' | 'matomo-campaigns' | 'plausible' | 'ga4';
const FORMATS: readonly Format[] = ['csv', 'jsonl', 'log', 'matomo', 'matomo-campaigns', 'plausible', 'ga4'];
/** Formats that are reports by day: the clicks are summed per day and tags, one row each. */
const REPORTS: readonly Format[] = ['matomo-campaigns', 'plausible', 'ga4'];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'camille',
  'lea',
  'manon',
  'chloe',
  'ines',
  'sarah',
  'julie',
  'emma',
  'lucas',
  'hugo',
  'louis',
  'nathan',
  'thomas',
  'antoine',
  'maxime',
  'nicolas',
  'sophie',
  'claire',
  'amelie',
  'yanis',
  'karim',
  'fatou',
  'mehdi',
  'anne',
  'pierre',
  'marie',
  'paul',
  'jeanne',
];
const LAST = [
  'martin',
  'bernard',
  'dubois',
  'thomas',
  'robert',
  'richard',
  'petit',
  'durand',
  'leroy',
  'moreau',
  'simon',
  'laurent',
  'lefebvre',
  'michel',
  'garcia',
  'david',
  'bertrand',
  'roux',
  'vincent',
  'fournier',
  'morel',
  'girard',
  'andre',
  'mercier',
  'dupont',
  'lambert',
  'bonnet',
  'francois',
  'martinez',
  'benali',
  'nguyen',
  'diallo',
];
/** [team, share of the headcount]: Juridique and Achats stay under k=5 active ambassadors. */
const TEAMS: Array<[string, number]> = [
  ['Ventes', 0.22],
  ['Support', 0.16],
  ['IT', 0.13],
  ['Marketing', 0.1],
  ['Finance', 0.08],
  ['RH', 0.07],
  ['Communication', 0.06],
  ['Ventes, export', 0.06],
  ['Direction', 0.04],
  ['Achats', 0.006],
  ['Juridique', 0.004],
];
const NETWORKS: Array<[string, number]> = [
  ['linkedin', 50],
  ['LinkedIn', 4],
  ['li', 2],
  ['teams', 11],
  ['email', 6],
  ['mail', 2],
  ['x', 5],
  ['Twitter', 2],
  ['facebook', 5],
  ['whatsapp', 5],
  ['instagram', 4],
  ['viadeo', 1],
];
const EVENTS: Array<[string, number]> = [
  ['share', 20],
  ['click', 55],
  ['reaction', 17],
  ['comment', 8],
];
const CARDS = [
  'rapport-annuel-2025',
  'nouvelle-usine-lyon',
  'offres-alternance',
  'salon-vivatech',
  'podcast-episode-1',
  'engagement-climat',
  'temoignage-client-ademe',
  'recrutement-data',
  'portes-ouvertes',
  'webinaire-ia',
  'label-egalite',
  'semaine-handicap',
];

function cardIds(): string[] {
  try {
    const ids = readdirSync('content/cards/fr')
      .filter((n) => n.endsWith('.md'))
      .map((n) => n.slice(0, -3));
    return ids.length ? ids.sort() : CARDS;
  } catch {
    return CARDS;
  }
}

/**
 * The wording (variant, utm_content as the share route writes it: v1, v2) of a row. Shares split
 * evenly between a card's two wordings; clicks lean by card, in turn: v1 draws 68 % of a card's
 * clicks, then both alike, then v2 70 %, so the sample dashboards show wordings ahead, behind and
 * level. 15 % of rows carry no variant (an old link, a report without utm_content). The wording
 * is drawn from a stream of its own (`wordings`), and the main stream is advanced exactly as
 * before wordings leaned: every other figure of the samples (and the objectives set against
 * them in content/settings/objectives.yaml) stays what it was.
 */
const CLICK_LEAN = [0.68, 0.5, 0.3];

function picker<T>(rand: () => number, items: Array<[T, number]>): () => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of items) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return (items[lo] as [T, number])[0];
  };
}

export interface GenerateOptions {
  seed: number;
  rows: number;
  format: Format;
  malformedRate: number;
  /** Share of rows that repeat a recent row exactly (re-exported or double-logged). */
  duplicateRate?: number;
  start: string;
  end: string;
  headcount: number;
}

/** Calls `write` with text chunks of the whole file. */
export function generate(o: GenerateOptions, write: (text: string) => void): void {
  // The population depends on the headcount only, so files generated with different seeds
  // describe the same people (as real exports and access logs of one intranet would).
  const folks = mulberry32(o.headcount);
  const rand = mulberry32(o.seed);
  const zone = createZone('Europe/Paris');
  const pick = <T>(a: readonly T[], r = rand) => a[Math.floor(r() * a.length)] as T;
  const team = picker(folks, TEAMS);
  // 1% create (weight 40), 9% interact (weight 3), 90% only watch (never in the logs).
  const people: Array<[{ id: string; team: string }, number]> = [];
  const used = new Set<string>();
  for (let i = 0; i < o.headcount * 0.1; i++) {
    let id = `${pick(FIRST, folks)}.${pick(LAST, folks)}`;
    for (let n = 2; used.has(id); n++) id = `${id.replace(/\d+$/, '')}${n}`;
    used.add(id);
    people.push([{ id: `${id}@exemple.fr`, team: team() }, i < o.headcount * 0.01 ? 40 : 3]);
  }
  const person = picker(rand, people);
  const network = picker(rand, NETWORKS);
  const event = picker(rand, EVENTS);
  const cards = cardIds();
  const content = picker(
    rand,
    cards.map((c, i): [string, number] => [c, 1 / (i + 1)]),
  );
  const lean = new Map(cards.map((c, i) => [c, CLICK_LEAN[i % CLICK_LEAN.length] as number]));
  const wordings = mulberry32(o.seed + 0x5eed);
  const variant = (card: string, ev: string) => {
    if (rand() >= 0.5) rand(); // the draws of the former variant ('' or a/b), kept for the stream
    if (wordings() < 0.15) return '';
    return wordings() < (ev === 'click' ? (lean.get(card) ?? 0.5) : 0.5) ? 'v1' : 'v2';
  };
  const first = parseDay(o.start);
  const last = parseDay(o.end);
  const launch = first + 7;
  const days: Array<[number, number]> = [];
  for (let d = first; d <= last; d++) {
    const weekday = (((d + 3) % 7) + 7) % 7;
    const rhythm = weekday < 5 ? 1 : weekday === 5 ? 0.25 : 0.12;
    const month = new Date(d * DAY).getUTCMonth();
    const level = d < launch ? 0.3 : 1 + 4 * Math.exp(-(d - launch) / 12);
    days.push([d, rhythm * level * (month === 7 ? 0.45 : 1)]);
  }
  const day = picker(rand, days);
  const hour = picker(
    rand,
    [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22].map((h): [number, number] => [
      h,
      [1, 4, 9, 10, 8, 5, 6, 9, 9, 8, 6, 3, 2, 2, 1, 1][h - 7] as number,
    ]),
  );
  const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

  const stamp = (ms: number, style: number): string => {
    const off = zone.offsetAt(ms);
    const local = new Date(ms + off * 60_000).toISOString();
    const date = local.slice(0, 10);
    const time = local.slice(11, 19);
    if (style < 0.6) return `${date}T${time}+${pad(off / 60)}:00`;
    if (style < 0.85) return `${date} ${time}`;
    if (style < 0.95) return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${time.slice(0, 5)}`;
    return new Date(ms).toISOString();
  };
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const logStamp = (ms: number) => {
    const off = zone.offsetAt(ms);
    const l = new Date(ms + off * 60_000);
    return `${pad(l.getUTCDate())}/${MON[l.getUTCMonth()]}/${l.getUTCFullYear()}:${l.toISOString().slice(11, 19)} +${pad(off / 60)}00`;
  };
  const csvField = (s: string) => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  let out = o.format === 'csv' ? 'timestamp,ambassador,team,network,content,event,variant,event_id\n' : '';
  const recent: string[] = [];
  const report = REPORTS.includes(o.format) ? new Map<string, ReportCell>() : null;
  for (let i = 0; i < o.rows; i++) {
    if (report) {
      // A click the share brought, summed into its day's report row; some visits come from
      // another medium (a newsletter), which the importer must leave out.
      const ms = zone.localToUtc(day() * DAY + hour() * 3_600_000 + Math.floor(rand() * 3_600_000));
      const cell: ReportCell = {
        day: formatDay(zone.dayOf(ms)),
        campaign: content(),
        source: network().toLowerCase(),
        medium: rand() < 0.1 ? 'email' : 'ambassador',
        content: rand() < 0.5 ? '' : `v${pick([1, 2])}`,
        visits: 1,
      };
      const key = [cell.day, cell.campaign, cell.source, cell.medium, cell.content].join('\t');
      const known = report.get(key);
      if (known) known.visits++;
      else report.set(key, cell);
      continue;
    }
    if (recent.length > 0 && rand() < (o.duplicateRate ?? 0.004)) {
      out += pick(recent); // an exact duplicate (re-exported or double-logged row)
    } else {
      const d = day();
      const ms = zone.localToUtc(d * DAY + hour() * 3_600_000 + Math.floor(rand() * 3_600_000));
      const who = person();
      const anonymous = rand() < 0.04;
      const timestamp = stamp(ms, rand());
      const net = network();
      const card = content();
      const kind = o.format === 'log' ? 'share' : o.format === 'matomo' ? 'click' : event();
      const row = {
        timestamp,
        ambassador: anonymous ? '' : who.id,
        team: anonymous ? '' : who.team,
        network: net,
        content: card,
        event: kind,
        variant: variant(card, kind),
        event_id: rand() < 0.97 ? `${o.seed.toString(36)}-${i.toString(36)}` : '',
      };
      const malformed = rand() < o.malformedRate ? Math.floor(rand() * 5) : -1;
      if (malformed === 0) row.timestamp = pick(['2026-13-45 10:00', 'hier', '31/02/2026 10:00', '']);
      if (malformed === 1) row.event = pick(['like', 'vue', 'retweet']);
      if (malformed === 2) row.network = '';
      if (malformed === 3) row.content = '';
      let line: string;
      if (o.format === 'csv') {
        line = [row.timestamp, row.ambassador, row.team, row.network, row.content, row.event, row.variant, row.event_id]
          .map(csvField)
          .join(',');
        if (malformed === 4) line += ',en trop';
      } else if (o.format === 'matomo') {
        // A visit the share brought to the public site (Matomo Live export). Malformed: a visit
        // from elsewhere (ignored by the importer) or one without its source or campaign.
        const campaign =
          malformed === 1 || malformed === 4
            ? null
            : { name: row.content, source: row.network, content: row.variant, medium: 'ambassador' };
        line = JSON.stringify(matomoVisit({ id: i + 1, ms, campaign }, rand));
      } else if (o.format === 'jsonl') {
        const value = { ...row, team: row.team || null, variant: row.variant || null };
        line = malformed === 4 ? JSON.stringify(value).slice(0, -7) : JSON.stringify(value);
      } else {
        // Access log: ignored noise around the share hits.
        const ip = `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}`;
        const user = row.ambassador || '-';
        const noise = rand();
        // The share route's own link: `?v=2` for the second wording (utm_content v2 downstream).
        const v = row.variant ? `?v=${row.variant.slice(1)}&utm_source=hub` : '';
        const path =
          noise < 0.06
            ? `/assets/app.${i % 7}.css`
            : noise < 0.12
              ? `/hub/cartes/${row.content}/`
              : `${rand() < 0.5 ? '/hub' : ''}/partager/${encodeURIComponent(row.content)}/${row.network.toLowerCase() || 'linkedin'}${rand() < 0.7 ? '/' : ''}${v}`;
        const method = noise > 0.97 ? 'POST' : 'GET';
        const status = noise > 0.94 && noise <= 0.97 ? 404 : path.includes('/partager/') ? 302 : 200;
        const when = malformed === 0 ? '32/Foo/2026:99:00:00 +0100' : logStamp(ms);
        line = `${ip} - ${user} [${when}] "${method} ${path} HTTP/1.1" ${status} ${status === 302 ? 0 : 5120} "https://intranet.exemple.fr/hub/" "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"`;
      }
      out += `${line}\n`;
      if (recent.length < 64) recent.push(`${line}\n`);
      else recent[Math.floor(rand() * 64)] = `${line}\n`;
    }
    if (out.length > 1 << 20) {
      write(out);
      out = '';
    }
  }
  if (report) {
    const cells = [...report.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    out =
      o.format === 'plausible'
        ? plausibleSourcesCsv(cells)
        : o.format === 'ga4'
          ? ga4ExplorationCsv(cells)
          : matomoCampaignsCsv(cells);
  }
  write(out);
}

function toFile(path: string, o: GenerateOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  generate(o, (text) => writeSync(fd, text));
  closeSync(fd);
}

/** A well-formed access-log time (the generator writes a few malformed ones). */
const VALID_TIME = /\[\d{2}\/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/\d{4}:(?:[01]\d|2[0-3]):/;

/**
 * Appends to an access log visits of the page a visitor lands on after sending a suggestion
 * (`/proposer/envoye/`, counted per week by the dashboards): `count` of them, each by the
 * visitor and at the instant of a share line of the file picked with its own seed (so the
 * shares, and every figure made from them, stay what they were), a few logged twice.
 */
export function appendSuggestions(path: string, seed: number, count: number): void {
  const rand = mulberry32(seed);
  const shares = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"GET ') && l.includes('/partager/') && l.includes('" 302 ') && VALID_TIME.test(l));
  let out = '';
  let previous = '';
  for (let i = 0; i < count; i++) {
    const share = shares[Math.floor(rand() * shares.length)] as string;
    const [who] = share.split(' "GET ');
    const prefix = rand() < 0.8 ? '/hub' : '/hub/en';
    const line = `${who} "GET ${prefix}/proposer/envoye/ HTTP/1.1" 200 5120 "https://intranet.exemple.fr/hub/proposer/" "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"\n`;
    out += previous !== '' && rand() < 0.1 ? previous : line; // double-logged: counted once
    previous = line;
  }
  appendFileSync(path, out);
}

function main(): number {
  const { values: v } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      rows: { type: 'string', default: '3000' },
      out: { type: 'string' },
      format: { type: 'string' },
      'malformed-rate': { type: 'string', default: '0.01' },
      'duplicate-rate': { type: 'string', default: '0.004' },
      start: { type: 'string', default: '2026-03-01' },
      end: { type: 'string', default: '2026-11-15' },
      headcount: { type: 'string', default: '2400' },
      sample: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help) {
    process.stdout.write(
      'Usage: node scripts/generate-logs.ts --seed N --rows N --out FILE\n' +
        '         [--format csv|jsonl|log|matomo|matomo-campaigns|plausible|ga4]\n' +
        '         (matomo-campaigns, plausible, ga4: reports by day; --rows = clicks summed into them)\n' +
        '         [--malformed-rate 0.01] [--duplicate-rate 0.004] [--start 2026-03-01] [--end 2026-11-15]\n' +
        '         [--headcount 2400]\n' +
        '       node scripts/generate-logs.ts --sample   (rewrites content/logs/ samples)\n',
    );
    return 0;
  }
  const base = {
    malformedRate: Number(v['malformed-rate']),
    duplicateRate: Number(v['duplicate-rate']),
    start: v.start,
    end: v.end,
    headcount: Number(v.headcount),
  };
  if (!(base.malformedRate >= 0 && base.malformedRate <= 1)) throw new Error('--malformed-rate: expected 0..1');
  if (!(base.duplicateRate >= 0 && base.duplicateRate <= 1)) throw new Error('--duplicate-rate: expected 0..1');
  if (Number.isNaN(parseDay(base.start)) || Number.isNaN(parseDay(base.end)))
    throw new Error('--start/--end: expected YYYY-MM-DD');
  if (!(base.headcount >= 10)) throw new Error('--headcount: expected a number >= 10');
  if (v.sample) {
    toFile('content/logs/sample-shares.csv', { ...base, seed: 1, rows: 3000, format: 'csv' });
    toFile('content/logs/sample-export.jsonl', { ...base, seed: 2, rows: 500, format: 'jsonl' });
    toFile('content/logs/access.log', { ...base, seed: 3, rows: 500, format: 'log' });
    // Analytics reports by day from the public site: Matomo for the first half of the
    // programme, Plausible for the second, overlapping by two weeks (where Matomo's figures
    // count and Plausible's are left out, see docs/sharelog.md).
    const days = parseDay(base.end) - parseDay(base.start);
    const mid = formatDay(parseDay(base.start) + Math.floor(days / 2));
    const overlap = formatDay(parseDay(base.start) + Math.floor(days / 2) - 14);
    toFile('content/logs/matomo-campaigns.csv', { ...base, seed: 4, rows: 1500, format: 'matomo-campaigns', end: mid });
    toFile('content/logs/plausible/imported_sources.csv', {
      ...base,
      seed: 5,
      rows: 1500,
      format: 'plausible',
      start: overlap,
    });
    // GA4 over the two weeks after the middle: where it has a card's clicks for a day, they
    // count rather than Plausible's (the one-source rule, docs/sharelog.md).
    toFile('content/logs/ga4/exploration.csv', {
      ...base,
      seed: 6,
      rows: 600,
      format: 'ga4',
      start: mid,
      end: formatDay(parseDay(base.start) + Math.floor(days / 2) + 14),
    });
    appendSuggestions('content/logs/access.log', 4, 40);
    process.stderr.write(
      `generate-logs: samples written to content/logs/ (${formatDay(parseDay(base.start))}..${base.end})\n`,
    );
    return 0;
  }
  if (!v.out) throw new Error('--out FILE is required (or --sample)');
  const ext = extname(v.out).slice(1);
  const format = (v.format ?? (ext === 'jsonl' || ext === 'log' ? ext : 'csv')) as Format;
  if (!FORMATS.includes(format))
    throw new Error(
      `--format ${format}: expected csv, jsonl, log, matomo (Matomo Live visits as JSON Lines), ` +
        'matomo-campaigns (Matomo Marketing Campaigns report by day, CSV), plausible (Plausible site export, CSV) ' +
        'or ga4 (Google Analytics 4 exploration, CSV)',
    );
  const seed = Number(v.seed);
  const rows = Number(v.rows);
  if (!Number.isInteger(seed) || !Number.isInteger(rows) || rows < 0)
    throw new Error('--seed/--rows: expected whole numbers');
  toFile(v.out, { ...base, seed, rows, format });
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`generate-logs: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
