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
