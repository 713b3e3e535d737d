import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matomoSource } from '../../../src/sharelog/importers/matomosource.ts';
import { createDictionaries } from '../../../src/sharelog/intern.ts';
import type { RowSink } from '../../../src/sharelog/types.ts';
import { paris, run } from './helpers.ts';

const FIXTURE = readFileSync('tests/fixtures/sharelog/exports/matomo-visits.jsonl', 'utf8');

describe('Matomo Live visit export (JSON Lines)', () => {
  it('counts ambassador visits as clicks, ignores other visits, dedupes idVisit, rejects with line', async () => {
    const { output, rejects } = await run([['matomo.jsonl', FIXTURE]]);
    // 7 visits: one direct (ignored), one e-mail newsletter (ignored), one repeated idVisit,
    // one without campaignSource (rejected), three ambassador clicks.
    expect(output.ingest).toMatchObject({ rows: 5, accepted: 3, duplicates: 1, rejected: 1 });
    expect(rejects.map((r) => [r.file, r.line, r.reason])).toEqual([['matomo.jsonl', 7, 'missing network']]);
    expect(output.totals).toMatchObject({ shares: 0, clicks: 3 });
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 2 },
      { content: 'salon', shares: 0, clicks: 1 },
    ]);
    expect(output.byNetwork.filter((n) => n.clicks > 0)).toEqual([
      { network: 'linkedin', shares: 0, clicks: 2 },
      { network: 'x', shares: 0, clicks: 1 },
    ]);
    // serverTimestamp is UTC seconds: 2026-12-03 09:15 UTC, the next visit a day later.
    expect(output.period).toEqual({ from: '2026-12-03', to: '2026-12-04' });
  });

  it('reads serverDate when serverTimestamp is absent, and refuses a non-numeric serverTimestamp', async () => {
    const visit = { idSite: 1, idVisit: 9, campaignMedium: 'ambassador', campaignName: 'salon', campaignSource: 'li' };
    const text = [
      JSON.stringify({ ...visit, serverDate: '2026-12-05' }),
      JSON.stringify({ ...visit, idVisit: 10, serverTimestamp: 'hier' }),
    ].join('\n');
    const { output, rejects } = await run([['m.jsonl', text]]);
    expect(output.period).toEqual({ from: '2026-12-05', to: '2026-12-05' });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'bad timestamp']]);
  });

  it('leaves the hub’s own JSON Lines alone (detection by the first record)', async () => {
    const text = JSON.stringify({ timestamp: '2026-12-03T10:00:00Z', network: 'x', content: 'salon', event: 'click' });
    const { output } = await run([['own.jsonl', text]]);
    expect(output.ingest.accepted).toBe(1);
  });
});

/** Every record the reader hands over, as comparable text. */
function collect(text: string, chunk: number): string[] {
  const out: string[] = [];
  const dicts = createDictionaries();
  const sink: RowSink = {
    zone: paris,
    dicts,
    row: (r, _f, line) => out.push(`row ${line} ${r.timestamp} ${r.network} ${r.content} ${r.variant} ${r.eventId}`),
    event: (e, key, s, t) =>
      out.push(
        `event ${e.ms} ${e.network} ${dicts.contents.names[e.contentId]} ${dicts.variants.names[e.variantId]} ${Buffer.from(key.subarray(s, t)).toString()}`,
      ),
    reject: (_f, line, reason) => out.push(`reject ${line} ${reason}`),
    campaign: (name) => name,
    unknownCampaign: (name) => out.push(`unknown ${name}`),
  };
  const source = matomoSource('m.jsonl', sink);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) source.push(bytes.subarray(i, i + chunk));
  source.end();
  return out;
}

describe('Matomo reader: the byte path and the JSON.parse path agree', () => {
  it('gives the same records whatever the chunking', () => {
    const whole = collect(FIXTURE, 1 << 20);
    expect(whole).toHaveLength(5);
    for (const chunk of [1, 7, 100, 1000]) expect(collect(FIXTURE, chunk)).toEqual(whole);
  });

  it('an escaped value takes the JSON.parse path and gives the same event', async () => {
    // \u002d is "-": Matomo (PHP json_encode) may escape characters; the result must not change.
    const escaped = FIXTURE.replaceAll('"campaignName":"rapport-annuel"', '"campaignName":"rapport\\u002dannuel"');
    expect(escaped).not.toBe(FIXTURE);
    const a = await run([['a.jsonl', FIXTURE]]);
    const b = await run([['a.jsonl', escaped]]);
    expect(b.output).toEqual(a.output);
    expect(collect(escaped, 1 << 20).filter((r) => r.startsWith('row'))).toHaveLength(3);
  });

  it('a cut line is a bad JSON reject with its line number', async () => {
    const lines = FIXTURE.trimEnd().split('\n');
    lines[0] = (lines[0] as string).slice(0, -20);
    const { rejects } = await run([['cut.jsonl', lines.join('\n')]]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [1, 'bad JSON'],
      [7, 'missing network'],
    ]);
  });
});

describe('Matomo reader: whatever the key layout, what JSON.parse gives', () => {
  /** Visits in Matomo's key order, with values that look like keys and nested records between. */
  const visits = (withContent: boolean) =>
    Array.from({ length: 300 }, (_, i) => ({
      idSite: 1 + (i % 2),
      idVisit: 500 + (i % 290), // some repeated: duplicates
      visitIp: '192.0.2.0',
      actionDetails: [{ url: `https://www.example.com/?p=${i}`, pageTitle: 'a "campaignName":"faux" \\ title' }],
      serverDate: `2026-12-0${1 + (i % 7)}`,
      visitServerHour: '9',
      referrerName: 'campaignMedium',
      serverTimestamp: i % 11 === 0 ? null : 1796289300 + 3600 * i,
      customVariables: { 1: { name: 'k', value: 'serverTimestamp' } },
      campaignId: '',
      ...(withContent ? { campaignContent: i % 3 === 0 ? null : String(i % 2) } : {}),
      campaignKeyword: 'say "campaignSource":"x"',
      campaignMedium: i % 5 === 0 ? 'email' : i % 7 === 0 ? ' Ambassador ' : 'ambassador',
      campaignName: ['salon', 'rapport-annuel', ''][i % 3],
      campaignSource: ['linkedin', 'x', '', 'facebook'][i % 4],
      campaignGroup: '',
    }));
  type Visit = Record<string, unknown>;
  /** A fixed shuffle of each record's keys (a different one per line). */
  const shuffled = (v: Visit, i: number) => {
    const entries = Object.entries(v);
    for (let j = entries.length - 1; j > 0; j--) {
      const r = (i * 7919 + j * 104729) % (j + 1);
      [entries[j], entries[r]] = [entries[r] as [string, unknown], entries[j] as [string, unknown]];
    }
    return JSON.stringify(Object.fromEntries(entries));
  };
  const layouts: Record<string, (v: Visit, i: number) => string> = {
    matomo: (v) => JSON.stringify(v),
    spaced: (v) =>
      `{ ${Object.entries(v)
        .map(([k, x]) => `"${k}" :\t${JSON.stringify(x)}`)
        .join(' , ')} }`,
    shuffled,
  };
  // An escaped idSite ("\u0031" is "1", as the id is built from its text) sends every line to
  // JSON.parse: the reference.
  const general = (v: Visit) => JSON.stringify(v).replace(/^\{"idSite":(\d)/, '{"idSite":"\\u003$1"');

  for (const withContent of [true, false])
    it(`gives the JSON.parse path's figures and rejects (campaignContent ${withContent ? 'present' : 'absent everywhere'})`, async () => {
      const list = visits(withContent);
      const reference = list.map(general);
      expect(reference.every((l) => l.includes('\\u003'))).toBe(true);
      const want = await run([['v.jsonl', reference.join('\n')]]);
      // 240 ambassador visits (one in five is e-mail); 120 lack a network (i % 4 = 2) or a card (i % 3 = 2).
      expect(want.output.ingest).toMatchObject({ rows: 240, rejected: 120 });
      expect(want.output.ingest.accepted).toBeGreaterThan(100);
      for (const [name, layout] of Object.entries(layouts)) {
        const text = list.map(layout).join('\n');
        const got = await run([['v.jsonl', text]]);
        expect(got.output, name).toEqual(want.output);
        expect(got.rejects, name).toEqual(want.rejects.map((r, i) => ({ ...r, raw: got.rejects[i]?.raw })));
        for (const chunk of [1, 13, 4096])
          expect(collect(text, chunk), `${name} by ${chunk}`).toEqual(collect(text, 1 << 20));
      }
    });
});

describe('Matomo campaigns → cards', () => {
  const campaigns = new Map([
    ['rapport-annuel', 'rapport-annuel'],
    ['salon', 'salon'],
    ['salon-2025', 'salon'], // the card's old slug (oldSlugs)
  ]);
  const visit = (id: number, name: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      idSite: 1,
      idVisit: id,
      serverTimestamp: 1796289300 + id,
      campaignMedium: 'ambassador',
      campaignName: name,
      campaignSource: 'linkedin',
      campaignContent: '1',
      ...extra,
    });

  it('matches old slugs, reports each unknown campaign once with its visits, never as rejects', async () => {
    const lines = [
      visit(1, 'salon-2025'),
      visit(2, 'Salon'),
      ...Array.from({ length: 1000 }, (_, i) => visit(10 + i, 'soldes-hiver')),
      visit(2000, 'promo-inconnue', { serverTimestamp: 'hier' }),
      visit(2001, 'promo-inconnue').replace('promo-', 'promo\\u002d'), // escaped: the JSON.parse path
      visit(2002, 'rapport-annuel'),
    ];
    const { output, rejects } = await run([['m.jsonl', lines.join('\n')]], { campaigns });
    expect(rejects).toEqual([]);
    expect(output.byContent).toEqual([
      { content: 'rapport-annuel', shares: 0, clicks: 1 },
      { content: 'salon', shares: 0, clicks: 2 },
    ]);
    expect(output.ingest.unknownCampaigns).toEqual([
      { campaign: 'soldes-hiver', visits: 1000 },
      { campaign: 'promo-inconnue', visits: 2 },
    ]);
    expect(output.ingest).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
  });

  it('without a card list, campaigns are taken as they are and nothing is reported', async () => {
    const { output } = await run([['m.jsonl', visit(1, 'salon-2025')]]);
    expect(output.byContent.map((c) => c.content)).toEqual(['salon-2025']);
    expect(output.ingest.unknownCampaigns).toBeUndefined();
  });
});
