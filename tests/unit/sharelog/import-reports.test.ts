import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCount, reportDay } from '../../../src/sharelog/importers/reports.ts';
import { csv, run } from './helpers.ts';
import { Workspace } from './store-helpers.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/sharelog/exports/${name}`);
const MATOMO_CSV = fixture('matomo-campaigns.csv');
const MATOMO_TSV = fixture('matomo-campaigns.tsv');
const UTM_CAMPAIGNS = fixture('utm_campaigns.csv');
const UTM_SOURCES = fixture('utm_sources.csv');
const PLAUSIBLE_SITE = fixture('imported_sources_20261201_20261231.csv');
const campaigns = new Map([
  ['salon', 'salon'],
  ['rapport-annuel', 'rapport-annuel'],
  ['noel-2026', 'noel-2026'],
  ['ancien-salon', 'salon'],
]);

/** Matomo's API writes CSV/TSV as UTF-16LE with a byte-order mark (convertToUnicode=1). */
const utf16le = (bytes: Buffer) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);

describe('Matomo Marketing Campaigns report by day', () => {
  it('reads each label as one counted row (never expanded), only ambassador medium, rejects with line', async () => {
    const { output, rejects } = await run([['campaigns.csv', MATOMO_CSV]], { campaigns });
    // 11 records: one e-mail campaign (ignored), one unknown campaign (reported once), 3 rejects.
    expect(rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['campaigns.csv', 9, 'bad count'],
      ['campaigns.csv', 10, 'bad timestamp'],
      ['campaigns.csv', 11, 'bad label'],
    ]);
    expect(output.ingest).toMatchObject({ rows: 9, accepted: 6, rejected: 3, duplicates: 0 });
    expect(output.ingest.unknownCampaigns).toEqual([{ campaign: 'campagne-inconnue', visits: 7 }]);
    // "1,234" is 1234; ancien-salon is an old slug of salon; the 3-part label is Source - Medium - Name.
    expect(output.totals.clicks).toBe(12 + 3 + 1234 + 2 + 5 + 4);
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1234 },
      { content: 'salon', shares: 0, clicks: 26 },
    ]);
    expect(output.byNetwork.filter((n) => n.clicks > 0)).toEqual([
      { network: 'linkedin', shares: 0, clicks: 1257 },
      { network: 'x', shares: 0, clicks: 3 },
    ]);
    expect(output.clicksBySource).toEqual([{ source: 'matomo-campaigns', clicks: 1260 }]);
    expect(output.period).toEqual({ from: '2026-12-03', to: '2026-12-05' });
  });

  it('reads TSV, compact dates and grouped digits (no-break and narrow no-break spaces)', async () => {
    const { output, rejects } = await run([['campaigns.tsv', MATOMO_TSV]], { campaigns });
    expect(rejects).toEqual([]);
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1234 },
      { content: 'salon', shares: 0, clicks: 12 + 2000 },
    ]);
  });

  it('reads the UTF-16LE files Matomo writes, and counts a day exported twice once', async () => {
    const plain = await run([['campaigns.tsv', MATOMO_TSV]], { campaigns });
    const wide = await run([['campaigns.tsv', utf16le(MATOMO_TSV)]], { campaigns });
    expect(wide.output).toEqual(plain.output);
    // The CSV and the TSV overlap on two labels and days (salon/linkedin on 3 Dec, rapport-annuel on 4 Dec).
    const both = await run(
      [
        ['campaigns.csv', utf16le(MATOMO_CSV)],
        ['campaigns.tsv', MATOMO_TSV],
      ],
      { campaigns },
    );
    expect(both.output.ingest.duplicates).toBe(2);
    expect(both.output.totals.clicks).toBe(1260 + 2000);
  });
});

describe('Plausible CSV exports', () => {
  it('utm_campaigns.csv counts visitors per card and day; utm_sources.csv names no card and adds nothing', async () => {
    const { output, rejects } = await run(
      [
        ['utm_campaigns.csv', UTM_CAMPAIGNS],
        ['utm_sources.csv', UTM_SOURCES],
      ],
      { campaigns },
    );
    expect(rejects).toEqual([]);
    expect(output.ingest).toMatchObject({ rows: 3, accepted: 3 });
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 21 },
      { content: 'salon', shares: 0, clicks: 13 },
    ]);
    expect(output.byNetwork).toEqual([{ network: 'other', shares: 0, clicks: 34 }]);
    expect(output.clicksBySource).toEqual([{ source: 'plausible-campaigns', clicks: 34 }]);
  });

  it('the site export (imported_sources) gives every dimension; other media are ignored', async () => {
    const { output } = await run([['imported_sources_20261201_20261231.csv', PLAUSIBLE_SITE]], { campaigns });
    expect(output.ingest).toMatchObject({ rows: 2, accepted: 2 });
    expect(output.byNetwork.filter((n) => n.clicks > 0)).toEqual([
      { network: 'linkedin', shares: 0, clicks: 9 },
      { network: 'x', shares: 0, clicks: 3 },
    ]);
    expect(output.clicksBySource).toEqual([{ source: 'plausible', clicks: 12 }]);
  });

  it('refuses counts and dates it cannot read, with the line', async () => {
    const text =
      'date,name,visitors\n2026-12-03,salon,"1,5"\n3 déc.,salon,4\n2026-12-04,salon,-2\n2026-12-04,salon,"1 234"\n';
    const { output, rejects } = await run([['utm_campaigns.csv', text]]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'bad count'],
      [3, 'bad timestamp'],
      [4, 'bad count'],
    ]);
    expect(output.totals.clicks).toBe(1234);
  });
});

describe('two sources for one card and day', () => {
  it('counts the most detailed source only: hub > Matomo report > Plausible site export > Plausible UTM file', async () => {
    const hub = csv([['2026-12-03T10:00:00Z', '', '', 'linkedin', 'salon', 'click', '1']]);
    const { output } = await run(
      [
        ['hub.csv', hub],
        ['campaigns.csv', MATOMO_CSV],
        ['utm_campaigns.csv', UTM_CAMPAIGNS],
        ['imported_sources_20261201_20261231.csv', PLAUSIBLE_SITE],
      ],
      { campaigns },
    );
    // salon: 3 Dec hub (1; Matomo's 15 and Plausible's 9 not added), 4 Dec Matomo 7, 5 Dec Matomo 4,
    // 6 Dec Plausible site export 9 (the UTM file's 4 not added). rapport-annuel: 4 Dec Matomo 1234
    // (Plausible's 21 not added), 7 Dec the site export 3.
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1237 },
      { content: 'salon', shares: 0, clicks: 1 + 7 + 4 + 9 },
    ]);
    expect(output.clicksBySource).toEqual([
      { source: 'hub', clicks: 1 },
      { source: 'matomo-campaigns', clicks: 1245 },
      { source: 'plausible', clicks: 12 },
    ]);
    expect(output.totals.clicks).toBe(1258);
    // The rows another source already counts are duplicates, not accepted.
    expect(output.ingest.accepted + output.ingest.duplicates).toBe(1 + 6 + 3 + 2);
  });
});

describe('numbers and days as the tools and spreadsheets write them', () => {
  it.each([
    ['1234', 1234],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567', 1234567],
    ['1,234', 1234],
    ["12'345", 12345],
    [' 7 ', 7],
  ])('%j is %d', (text, n) => expect(parseCount(text)).toBe(n));
  it.each(['1,5', '1.234', '-3', '12a', '1 23', '1,234 567', ''])('%j is refused', (text) =>
    expect(parseCount(text)).toBeNaN(),
  );
  it('days: ISO or compact, nothing else', () => {
    expect(reportDay('2026-12-03')).toBe('2026-12-03');
    expect(reportDay('20261203')).toBe('2026-12-03');
    for (const bad of ['2026-1203', '03/12/2026', '2026-11-30,2026-12-06', '']) expect(reportDay(bad)).toBe('');
  });
});

describe('a report that grows (the store)', () => {
  it('reads only the appended days, under the stored header, and equals a full run', async () => {
    const ws = new Workspace();
    try {
      const lines = MATOMO_CSV.toString('utf8').split('\n');
      ws.write('campaigns.csv', `${lines.slice(0, 4).join('\n')}\n`);
      await ws.incremental({ campaigns });
      ws.append('campaigns.csv', `${lines.slice(4).join('\n')}`);
      const grown = await ws.incremental({ campaigns });
      expect(grown.report).toMatchObject({ filesRead: 0, tailsRead: 1 });
      const full = await ws.full({ campaigns });
      expect(grown.json).toBe(full.json);
      expect(grown.output.totals.clicks).toBe(1260);
      // Line numbers continue in the tail.
      expect(grown.rejects.map((r) => r.line)).toEqual([9, 10, 11]);
    } finally {
      ws.remove();
    }
  });
});
