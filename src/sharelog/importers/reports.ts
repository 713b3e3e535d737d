/**
 * Analytics reports by day → counted click rows (issue 18): one report row (a day, a campaign,
 * its source, medium and content, a number of visits) becomes one row of that weight, never
 * expanded into fake events. Recognised from the CSV header, no flag:
 *
 * - Matomo's Marketing Campaigns report by day (`format=csv|tsv`, `period=day`, several dates,
 *   `flat=1`): columns `date`, `label`, `nb_visits` (and Matomo's other metrics, ignored). The
 *   label is Matomo's combined `Name - Source - Medium - Keyword - Content` (five parts), or a
 *   flattened `Source - Medium - Name` (the Source-Medium report, three parts).
 * - Plausible's site export (`imported_sources_*.csv`): `date`, `utm_source`, `utm_medium`,
 *   `utm_campaign`, `utm_content`, `visits` (or `visitors`): every dimension on one row.
 * - Plausible's dashboard download, UTM files by day: `date`, `name`, `visitors`; the file's name
 *   says the dimension. Only `utm_campaigns.csv` names cards; `utm_sources.csv` and
 *   `utm_contents.csv` count the same visitors by another dimension and name no card, so their
 *   rows are read and ignored (counting them would count each visit again).
 * - Google Analytics 4's report or exploration CSV (after its `#` comment block, csvsource.ts):
 *   `Date`, `Session source`, `Session medium` (or `Session source / medium`), `Session campaign`,
 *   `Session manual ad content`, `Sessions` (or users), in English or French (GA4_COLUMNS).
 *
 * Only rows whose medium is `ambassador` count (the Plausible UTM files have no medium column:
 * they must be downloaded from a view filtered on it). A row's event id is its source, day and
 * dimension cells, so a day exported twice (overlapping ranges, a copied file) counts once.
 */
import { basename } from 'node:path';
import { fieldOf } from '../columns.ts';
import {
  emptyRow,
  GA4_SESSIONS,
  MATOMO_CAMPAIGNS,
  PLAUSIBLE,
  PLAUSIBLE_CAMPAIGNS,
  type RawRow,
  type Reason,
  type RowSink,
  type RowWeight,
} from '../types.ts';
import { AMBASSADOR_MEDIUM } from './matomo.ts';

/** A report row's cells, named: what each reader extracts before the shared checks. */
interface ReportCells {
  day: string;
  campaign: string;
  network: string;
  medium: string;
  variant: string;
  count: string;
  /** The cells that make the row unique within its day (its event id). */
  key: string;
}

export interface ReportReader {
  /** `matomo-campaigns`, `ga4-sessions`, `plausible` or `plausible-campaigns` (types.ts SOURCES index). */
  source: number;
  /** What the header promised, for messages. */
  name: string;
  /** One data record → its cells; null = a row that is not an ambassador campaign (ignored). */
  cells(fields: readonly string[]): ReportCells | 'bad label' | null;
}

/** Header cell → the name compared (trimmed, lower-cased, BOM dropped). */
const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .replace(/\u2019/g, "'")
    .trim()
    .toLowerCase();

/** Matomo's label separator: ` - ` between the parts of a flattened or combined dimension. */
const LABEL_SEPARATOR = ' - ';

function matomoReader(col: Map<string, number>): ReportReader | null {
  const label = col.get('label');
  const visits = col.get('nb_visits');
  const date = col.get('date');
  if (label === undefined || visits === undefined) return null;
  return {
    source: MATOMO_CAMPAIGNS,
    name: 'Matomo Marketing Campaigns report',
    cells(f) {
      const text = f[label] ?? '';
      // Split before trimming: an empty last part (no content) leaves the label ending in ` - `.
      const parts = text.split(LABEL_SEPARATOR).map((p) => p.trim());
      let name: string;
      let source: string;
      let medium: string;
      let content = '';
      if (parts.length === 5) [name, source, medium, , content] = parts as [string, string, string, string, string];
      else if (parts.length === 3) [source, medium, name] = parts as [string, string, string];
      else return 'bad label';
      if (medium.toLowerCase() !== AMBASSADOR_MEDIUM) return null;
      return {
        day: date === undefined ? '' : (f[date] ?? ''),
        campaign: name,
        network: source,
        medium,
        variant: content,
        count: f[visits] ?? '',
        key: text.trim(),
      };
    },
  };
}

/** Plausible's site export: every UTM dimension as a column. */
function plausibleSourcesReader(col: Map<string, number>): ReportReader | null {
  const campaign = col.get('utm_campaign');
  const medium = col.get('utm_medium');
  const count = col.get('visits') ?? col.get('visitors');
  if (campaign === undefined || medium === undefined || count === undefined) return null;
  const date = col.get('date');
  const source = col.get('utm_source');
  const content = col.get('utm_content');
  const dims = ['source', 'referrer', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term']
    .map((d) => col.get(d))
    .filter((i) => i !== undefined);
  const at = (f: readonly string[], i: number | undefined) => (i === undefined ? '' : (f[i] ?? ''));
  return {
    source: PLAUSIBLE,
    name: 'Plausible export (imported_sources)',
    cells(f) {
      if (at(f, medium).trim().toLowerCase() !== AMBASSADOR_MEDIUM) return null;
      return {
        day: at(f, date),
        campaign: at(f, campaign),
        network: at(f, source),
        medium: at(f, medium),
        variant: at(f, content),
        count: at(f, count),
        key: dims.map((i) => at(f, i).trim()).join('\u0001'),
      };
    },
  };
}

/** Plausible's dashboard download: `name,visitors,…`, the dimension in the file's name. */
function plausibleUtmReader(col: Map<string, number>, file: string): ReportReader | null {
  const name = col.get('name');
  const visitors = col.get('visitors');
  const dimension = /(?:^|[^a-z])utm_(campaigns|sources|contents|mediums|terms)(?:[^a-z]|$)/i.exec(basename(file));
  if (name === undefined || visitors === undefined || !dimension) return null;
  const date = col.get('date');
  const campaigns = (dimension[1] as string).toLowerCase() === 'campaigns';
  return {
    source: PLAUSIBLE_CAMPAIGNS,
    name: `Plausible utm_${dimension[1]}.csv`,
    cells(f) {
      if (!campaigns) return null; // no card named: the same visitors as utm_campaigns.csv
      return {
        day: date === undefined ? '' : (f[date] ?? ''),
        campaign: f[name] ?? '',
        network: 'other',
        medium: AMBASSADOR_MEDIUM,
        variant: '',
        count: f[visitors] ?? '',
        key: (f[name] ?? '').trim(),
      };
    },
  };
}

/**
 * Google Analytics 4's column names, as its report and exploration CSVs write them (English and
 * French interface), lower-cased, typographic apostrophe as `'`. Each list is tried in order.
 */
export const GA4_COLUMNS = {
  date: ['date'],
  source: ['session source', 'session manual source', 'source de la session', 'source manuelle de la session'],
  medium: ['session medium', 'session manual medium', 'support de la session', 'support manuel de la session'],
  sourceMedium: ['session source / medium', 'source/support de la session', 'source / support de la session'],
  campaign: [
    'session campaign',
    'session manual campaign name',
    'campagne de la session',
    'nom de la campagne manuelle de la session',
  ],
  content: ['session manual ad content', "contenu d'annonce manuel de la session"],
  count: [
    'sessions',
    'users',
    'total users',
    'active users',
    'utilisateurs',
    'utilisateurs actifs',
    "nombre total d'utilisateurs",
  ],
} as const;

/** What a GA4 file must have, in English, for the refusal message. */
export const GA4_EXPECTED =
  'Date, Session source and Session medium (or Session source / medium), Session campaign, Sessions (or Users); ' +
  'in French: Date, Source de la session, Support de la session, Campagne de la session, Sessions (ou Utilisateurs); ' +
  "optional: Session manual ad content / Contenu d'annonce manuel de la session";

/** GA4's separator in the combined `Session source / medium` dimension (`linkedin / ambassador`). */
const GA4_SOURCE_MEDIUM = ' / ';

/**
 * A GA4 report or exploration CSV (English or French names): sessions (else users) per day and
 * session campaign, source, medium and manual ad content. A visit is a session: a click brings one.
 */
function ga4Reader(col: Map<string, number>): ReportReader | null {
  const pick = (names: readonly string[]) => names.map((n) => col.get(n)).find((i) => i !== undefined);
  const date = pick(GA4_COLUMNS.date);
  const campaign = pick(GA4_COLUMNS.campaign);
  const count = pick(GA4_COLUMNS.count);
  const source = pick(GA4_COLUMNS.source);
  const medium = pick(GA4_COLUMNS.medium);
  const both = pick(GA4_COLUMNS.sourceMedium);
  if (date === undefined || campaign === undefined || count === undefined) return null;
  if ((source === undefined || medium === undefined) && both === undefined) return null;
  const content = pick(GA4_COLUMNS.content);
  const at = (f: readonly string[], i: number | undefined) => (i === undefined ? '' : (f[i] ?? ''));
  return {
    source: GA4_SESSIONS,
    name: 'Google Analytics 4 report',
    cells(f) {
      let network = at(f, source);
      let med = at(f, medium);
      if (medium === undefined || source === undefined) {
        const sm = at(f, both);
        const cut = sm.lastIndexOf(GA4_SOURCE_MEDIUM);
        if (cut < 0) return null; // `(direct) / (none)` has the separator; anything else is not a campaign
        network = sm.slice(0, cut);
        med = sm.slice(cut + GA4_SOURCE_MEDIUM.length);
      }
      if (med.trim().toLowerCase() !== AMBASSADOR_MEDIUM) return null;
      return {
        day: at(f, date),
        campaign: at(f, campaign),
        network,
        medium: med,
        variant: at(f, content),
        count: at(f, count),
        key: [network, at(f, campaign), at(f, content)].map((c) => c.trim()).join('\u0001'),
      };
    },
  };
}

/**
 * The report a CSV header announces, or null for the hub's own files. A header that names one
 * of the hub's fields besides `date` (network, content, event, …) is always the hub's.
 */
export function detectReport(header: readonly string[], file: string): ReportReader | null {
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(h);
    if (!col.has(k)) col.set(k, i);
  });
  if (
    header.some((h) => {
      const f = fieldOf(h);
      return f !== undefined && f !== 'timestamp';
    })
  )
    return null;
  return matomoReader(col) ?? plausibleSourcesReader(col) ?? plausibleUtmReader(col, file) ?? ga4Reader(col);
}

/** Spaces a spreadsheet puts between digit groups: space, no-break space, narrow no-break space. */
const GROUPED = /^\d{1,3}(?:([ \u00A0\u202F,'])\d{3})?(?:\1\d{3})*$/;

/**
 * A report's count: a whole number, plain (`1234`) or with thousands separators as spreadsheets
 * and locales write them (`1 234` with a space, a no-break or a narrow no-break space, `1,234`,
 * `1'234`; one kind of separator per number). NaN for anything else (`1,5`, `1.234`, `-3`, `12a`).
 */
export function parseCount(text: string): number {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (!GROUPED.test(s)) return Number.NaN;
  return Number(s.replace(/[ \u00A0\u202F,']/g, ''));
}

/** A report's day: ISO `2026-12-03` or compact `20261203` → `2026-12-03`; '' when neither. */
export function reportDay(text: string): string {
  const s = text.trim();
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m || (s.length === 10) !== s.includes('-')) return '';
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Largest weight a row may carry (the store keeps it as int32). */
const MAX_COUNT = 2 ** 31 - 1;

/**
 * The reader of one report file: each data record is a counted row (`sink.row` with its weight),
 * a reject (`bad timestamp` for a day that is neither `YYYY-MM-DD` nor `YYYYMMDD`, `bad count`
 * for visits that are not a whole number, `bad label` for a Matomo label of another shape, then
 * the usual checks), or ignored (another medium, zero visits, a UTM file that names no card).
 */
export function reportRows(reader: ReportReader, file: string, sink: RowSink) {
  const row: RawRow = emptyRow();
  const weight: RowWeight = { count: 1, source: reader.source };
  const reject = (line: number, reason: Reason, raw: string) => sink.reject(file, line, reason, raw);
  return (fields: readonly string[], line: number, raw: string) => {
    const cells = reader.cells(fields);
    if (cells === null) return;
    if (cells === 'bad label') return reject(line, 'bad label', raw);
    const day = reportDay(cells.day);
    if (day === '') return reject(line, 'bad timestamp', raw);
    const count = parseCount(cells.count);
    if (!Number.isSafeInteger(count) || count > MAX_COUNT) return reject(line, 'bad count', raw);
    if (count === 0) return;
    let content = cells.campaign.trim();
    if (content !== '') {
      const card = sink.campaign(content);
      if (card === null) return sink.unknownCampaign(content, count);
      content = card;
    }
    row.timestamp = day;
    row.ambassador = '';
    row.team = '';
    row.network = cells.network;
    row.content = content;
    row.event = 'click';
    row.variant = cells.variant;
    row.eventId = `${reader.source}:${day}:${cells.key.toLowerCase()}`;
    weight.count = count;
    sink.row(row, file, line, raw, weight);
  };
}
