import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

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
