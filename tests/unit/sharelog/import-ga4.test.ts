import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csv, run } from './helpers.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/sharelog/exports/${name}`);
const EXPLORATION = fixture('ga4-exploration.csv');
const RAPPORT_FR = fixture('ga4-rapport-fr.csv');
const GERMAN = fixture('ga4-de.csv');
const campaigns = new Map([
  ['salon', 'salon'],
  ['rapport-annuel', 'rapport-annuel'],
  ['ancien-salon', 'salon'],
]);

describe('Google Analytics 4 report and exploration CSVs', () => {
  it('reads an English exploration after its # block: sessions as counted rows, ambassador medium only', async () => {
    const { output, rejects } = await run([['ga4.csv', EXPLORATION]], { campaigns });
    // Line numbers count the 8 comment lines and the header.
    expect(rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['ga4.csv', 15, 'bad count'],
      ['ga4.csv', 16, 'bad timestamp'],
    ]);
    expect(output.ingest.unknownCampaigns).toEqual([{ campaign: 'campagne-inconnue', visits: 7 }]);
    // 20261203 is a day; "1,234" is 1234; ancien-salon is an old slug of salon; li is LinkedIn.
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1234 },
      { content: 'salon', shares: 0, clicks: 15 },
    ]);
    expect(output.byNetwork.filter((n) => n.clicks > 0)).toEqual([{ network: 'linkedin', shares: 0, clicks: 1249 }]);
    expect(output.clicksBySource).toEqual([{ source: 'ga4-sessions', clicks: 1249 }]);
    expect(output.period).toEqual({ from: '2026-12-03', to: '2026-12-04' });
  });

  it('reads French column names (Sessions before Utilisateurs, ’ apostrophe) and skips the later chart table', async () => {
    const { output, rejects } = await run([['ga4-fr.csv', RAPPORT_FR]], { campaigns });
    expect(rejects).toEqual([]);
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1234 },
      { content: 'salon', shares: 0, clicks: 12 },
    ]);
    // The (direct) row is another medium and the chart table ("Nième jour") is skipped: not rows.
    expect(output.ingest.rows).toBe(2);
  });

  it('refuses a GA4 file in another language, naming the file, the header line and the columns expected', async () => {
    await expect(run([['ga4-de.csv', GERMAN]], { campaigns })).rejects.toThrow(
      /^ga4-de\.csv: line 9: a Google Analytics 4 export whose columns are not known \("Datum", "Sitzungsquelle".*expected Date, Session source/,
    );
  });

  it('counts a day exported twice once, and the hub’s clicks win over GA4 for that card and day', async () => {
    const twice = await run(
      [
        ['a.csv', EXPLORATION],
        ['b.csv', EXPLORATION],
      ],
      { campaigns },
    );
    expect(twice.output.totals.clicks).toBe(1249);
    const hub = csv([['2026-12-03T10:00:00Z', 'a@x.invalid', '', 'linkedin', 'salon', 'click', '1', 'h1']]);
    const both = await run(
      [
        ['ga4.csv', EXPLORATION],
        ['hub.csv', hub],
      ],
      { campaigns },
    );
    expect(both.output.clicksBySource).toEqual([
      { source: 'hub', clicks: 1 },
      { source: 'ga4-sessions', clicks: 1234 },
    ]);
  });
});

describe('GA4 BigQuery export rows (JSON Lines)', () => {
  const EVENTS = fixture('ga4-events.jsonl');

  it('counts session_start events with an ambassador collected_traffic_source, once each', async () => {
    const { output, rejects } = await run([['events.jsonl', EVENTS]], { campaigns });
    expect(rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['events.jsonl', 8, 'bad timestamp'],
      ['events.jsonl', 9, 'missing network'],
      ['events.jsonl', 10, 'bad JSON'],
    ]);
    // page_view and first_visit are not clicks; line 4's traffic_source (the user's first
    // campaign) is not read; line 7 repeats line 1's session.
    expect(output.ingest).toMatchObject({ accepted: 3, duplicates: 1, rejected: 3 });
    expect(output.ingest.unknownCampaigns).toEqual([{ campaign: 'campagne-inconnue', visits: 1 }]);
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1 },
      { content: 'salon', shares: 0, clicks: 2 },
    ]);
    expect(output.byNetwork.filter((n) => n.clicks > 0)).toEqual([{ network: 'linkedin', shares: 0, clicks: 3 }]);
    expect(output.clicksBySource).toEqual([{ source: 'ga4-events', clicks: 3 }]);
    // event_timestamp in microseconds (string or number); else event_date as the local day.
    expect(output.period).toEqual({ from: '2026-12-03', to: '2026-12-04' });
  });

  it('wins over a GA4 report for the same card and day (events are more detailed)', async () => {
    const { output } = await run(
      [
        ['events.jsonl', EVENTS],
        ['ga4.csv', EXPLORATION],
      ],
      { campaigns },
    );
    // salon on 12-03 comes from the events (2), rapport-annuel on 12-04 from both: events (1).
    expect(output.clicksBySource).toEqual([{ source: 'ga4-events', clicks: 3 }]);
  });
});

describe('Matomo Live visit export as CSV', () => {
  const JSONL = fixture('matomo-visits.jsonl');
  const CSV = fixture('matomo-visits.csv');
  const utf16le = (bytes: Buffer) =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);

  it('reads the same visits as the JSON export (also in UTF-16LE), and a visit in both counts once', async () => {
    const json = await run([['visits.jsonl', JSONL]]);
    const csvRun = await run([['visits.csv', CSV]]);
    const wide = await run([['visits.csv', utf16le(CSV)]]);
    expect(json.output.totals.clicks).toBeGreaterThan(0);
    expect(csvRun.output).toEqual(json.output);
    expect(wide.output).toEqual(json.output);
    expect(csvRun.rejects.map((r) => [r.line, r.reason])).toEqual(json.rejects.map((r) => [r.line + 1, r.reason]));
    const both = await run([
      ['visits.jsonl', JSONL],
      ['visits.csv', CSV],
    ]);
    expect(both.output.totals.clicks).toBe(json.output.totals.clicks);
    expect(both.output.clicksBySource).toEqual(json.output.clicksBySource);
  });
});
