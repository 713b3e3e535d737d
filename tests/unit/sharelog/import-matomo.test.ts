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
