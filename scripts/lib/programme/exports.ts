/**
 * Seeded sample exports of the public site's analytics tools, shaped as the tools write them
 * (issue 18). Today: Matomo's Live API visit export (`Live.getLastVisitsDetails`) as JSON
 * Lines, one visit object per line with Matomo's own keys (the visit-level ones; the per-action
 * `actionDetails` list is kept short). Most visits of a real site come from elsewhere: a share
 * of them carry the hub's campaign tags (`utm_medium=ambassador`), the others are search or
 * direct visits that the importer must ignore.
 */

export interface VisitSpec {
  /** Matomo's visit id (idVisit), unique per site. */
  id: number;
  /** Server time of the visit, ms since the epoch. */
  ms: number;
  /** Card slug (utm_campaign), network (utm_source), variant (utm_content); null = not a campaign visit. */
  campaign: { name: string; source: string; content: string; medium: string } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One visit as Matomo's JSON renders it (numbers as numbers, absent campaign fields as null). */
export function matomoVisit(v: VisitSpec, rng: () => number): Record<string, unknown> {
  const d = new Date(v.ms);
  const seconds = Math.floor(v.ms / 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const duration = Math.floor(rng() * 300);
  const c = v.campaign;
  return {
    idSite: 1,
    idVisit: v.id,
    visitIp: '192.0.2.0',
    visitorId: Math.floor(rng() * 2 ** 52)
      .toString(16)
      .padStart(16, '0'),
    actionDetails: [
      {
        type: 'action',
        url: `https://www.example.com/actualites/${c ? c.name : 'accueil'}/`,
        pageTitle: 'Ligéral',
        timestamp: seconds,
        timeSpent: duration,
      },
    ],
    goalConversions: 0,
    siteCurrency: 'EUR',
    serverDate: date,
    visitServerHour: String(d.getUTCHours()),
    lastActionTimestamp: seconds + duration,
    lastActionDateTime: `${date} ${time}`,
    siteName: 'Ligéral',
    serverTimestamp: seconds,
    firstActionTimestamp: seconds,
    serverTimePretty: time,
    serverDatePretty: date,
    userId: null,
    visitorType: rng() < 0.7 ? 'new' : 'returning',
    visitConverted: 0,
    visitCount: 1 + Math.floor(rng() * 3),
    visitDuration: duration,
    actions: 1 + Math.floor(rng() * 4),
    referrerType: c ? 'campaign' : rng() < 0.5 ? 'search' : 'direct',
    referrerTypeName: c ? 'Campaigns' : 'Direct Entry',
    referrerName: c ? c.name.toLowerCase() : '',
    referrerKeyword: '',
    referrerUrl: null,
    languageCode: 'fr-fr',
    deviceType: rng() < 0.6 ? 'Smartphone' : 'Desktop',
    operatingSystem: rng() < 0.5 ? 'Android 14' : 'Windows 11',
    browserName: 'Chrome Mobile',
    country: 'France',
    countryCode: 'fr',
    campaignId: c ? '' : null,
    campaignContent: c ? c.content : null,
    campaignKeyword: c ? '' : null,
    campaignMedium: c ? c.medium : null,
    campaignName: c ? c.name : null,
    campaignSource: c ? c.source : null,
    campaignGroup: c ? '' : null,
    campaignPlacement: c ? '' : null,
  };
}

/** One day's campaign visits as a report row: the local day, the UTM tags, the visits. */
export interface ReportCell {
  day: string;
  campaign: string;
  source: string;
  medium: string;
  content: string;
  visits: number;
}

/**
 * Matomo's Marketing Campaigns report by day, as its API writes it with `format=csv`,
 * `period=day`, several dates and `flat=1`: a `date` column first, the combined label
 * `Name - Source - Medium - Keyword - Content`, then Matomo's metrics (visits in `nb_visits`).
 * Written in UTF-8 here (`convertToUnicode=0`); Matomo's default is UTF-16LE, which the
 * importer reads too.
 */
export function matomoCampaignsCsv(cells: readonly ReportCell[]): string {
  const head = 'date,label,nb_uniq_visitors,nb_visits,nb_actions,nb_users,max_actions,sum_visit_length,bounce_count';
  const rows = cells.map((c) => {
    const label = `${c.campaign} - ${c.source} - ${c.medium} -  - ${c.content}`;
    const unique = Math.max(1, Math.round(c.visits * 0.9));
    return [c.day, label, unique, c.visits, c.visits * 2, 0, 3, c.visits * 95, Math.round(c.visits * 0.4)].join(',');
  });
  return `${[head, ...rows].join('\n')}\n`;
}

/**
 * Plausible's site export (Settings → Imports & exports → Export to CSV), the file
 * `imported_sources_<from>_<to>.csv`: one row per day and source, every UTM dimension a column.
 */
export function plausibleSourcesCsv(cells: readonly ReportCell[]): string {
  const head =
    'date,source,referrer,utm_source,utm_medium,utm_campaign,utm_content,utm_term,pageviews,visitors,visits,visit_duration,bounces';
  const rows = cells.map((c) => {
    const visitors = Math.max(1, Math.round(c.visits * 0.9));
    const source = c.source.charAt(0).toUpperCase() + c.source.slice(1);
    return [
      c.day,
      source,
      '',
      c.source,
      c.medium,
      c.campaign,
      c.content,
      '',
      c.visits * 2,
      visitors,
      c.visits,
      c.visits * 80,
      Math.round(c.visits * 0.4),
    ].join(',');
  });
  return `${[head, ...rows].join('\n')}\n`;
}

/**
 * A Google Analytics 4 exploration (Free form) downloaded as CSV: GA4's `#` comment block (name,
 * account, property, date range as `YYYYMMDD`), then Date, the session's source, medium,
 * campaign and manual ad content, and Sessions and Total users. Dates are written `20261203`.
 */
export function ga4ExplorationCsv(cells: readonly ReportCell[]): string {
  const compact = (day: string) => day.replaceAll('-', '');
  const from = cells[0]?.day ?? '';
  const to = cells[cells.length - 1]?.day ?? '';
  const head = [
    '# ----------------------------------------',
    '# Free form 1',
    '# Account: Relais (sample)',
    '# Property: Public site - GA4',
    '# ----------------------------------------',
    '#',
    `# Start date: ${compact(from)}`,
    `# End date: ${compact(to)}`,
    'Date,Session source,Session medium,Session campaign,Session manual ad content,Sessions,Total users',
  ];
  const rows = cells.map((c) =>
    [compact(c.day), c.source, c.medium, c.campaign, c.content, c.visits, Math.max(1, Math.round(c.visits * 0.9))].join(
      ',',
    ),
  );
  return `${[...head, ...rows].join('\n')}\n`;
}
