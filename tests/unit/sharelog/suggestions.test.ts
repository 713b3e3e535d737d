import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listInputs } from '../../../src/sharelog/read.ts';
import { ingestWithStore } from '../../../src/sharelog/store/run.ts';
import { suggestionsByWeek } from '../../../src/sharelog/suggestions.ts';
import { createZone, formatDay } from '../../../src/sharelog/timestamp.ts';
import { Workspace } from './store-helpers.ts';

const line = (time: string, path: string, status = 200, method = 'GET', user = '-') =>
  `10.0.0.0 - ${user} [${time}] "${method} ${path} HTTP/1.1" ${status} 512 "-" "Mozilla/5.0"`;
const zone = createZone('Europe/Paris');

/** A store run from scratch on `dir`: its sent-suggestion days, sorted, as YYYY-MM-DD. */
async function fullDays(dir: string): Promise<string[]> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'relais-suggestions-cache-'));
  try {
    const run = await ingestWithStore(await listInputs([dir]), { zone, cacheDir, key: randomBytes(32) });
    return run.suggestionDays.map(formatDay).sort();
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

describe('suggestions counted from the share log', () => {
  it('counts /proposer/envoye/ visits per local ISO week, each line once, gap-filled over the period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-suggestions-'));
    const today = [
      line('02/Nov/2026:09:00:00 +0100', '/hub/proposer/envoye/', 200, 'GET', 'camille.leroy@exemple.fr'),
      line('03/Nov/2026:10:00:00 +0100', '/hub/en/proposer/envoye'),
      // Sunday 23:30 UTC is already Monday in Paris: next week.
      line('08/Nov/2026:23:30:00 +0000', '/hub/proposer/envoye/?x=1'),
      // Not counted: the form page, a share, a POST, a 404.
      line('04/Nov/2026:10:00:00 +0100', '/hub/proposer/'),
      line('04/Nov/2026:10:00:00 +0100', '/hub/partager/salon/linkedin/'),
      line('04/Nov/2026:10:00:00 +0100', '/hub/proposer/envoye/', 200, 'POST'),
      line('04/Nov/2026:10:00:00 +0100', '/hub/proposer/envoye/', 404),
    ];
    writeFileSync(join(dir, 'share.log'), `${today.join('\n')}\n`);
    // A rotated copy holding the first line again, compressed: still one visit.
    writeFileSync(join(dir, 'share.log.1.gz'), gzipSync(`${today[0]}\n`));
    // A CSV export is not an access log: not read for suggestions.
    writeFileSync(join(dir, 'x.csv'), 'timestamp,ambassador\n');
    const days = await fullDays(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(days).toEqual(['2026-11-02', '2026-11-03', '2026-11-09']);
    const numbers = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    expect(suggestionsByWeek(numbers, { from: '2026-10-28', to: '2026-11-20' })).toEqual([
      { week: '2026-W44', suggestions: 0 },
      { week: '2026-W45', suggestions: 2 },
      { week: '2026-W46', suggestions: 1 },
      { week: '2026-W47', suggestions: 0 },
    ]);
    // Outside the period: left out, as out-of-range shares are.
    expect(suggestionsByWeek(numbers, { from: '2026-11-05', to: '2026-11-08' })).toEqual([
      { week: '2026-W45', suggestions: 0 },
    ]);
    expect(suggestionsByWeek(numbers, null)).toEqual([]);
  });

  it('after an append, the next build reads only the tail and counts what a full rebuild counts', async () => {
    const ws = new Workspace();
    try {
      const share = (day: number) =>
        line(`0${day}/Nov/2026:11:00:00 +0100`, '/hub/partager/salon/linkedin/', 200, 'GET', 'a');
      ws.write('share.log', `${[share(2), line('02/Nov/2026:09:00:00 +0100', '/hub/proposer/envoye/')].join('\n')}\n`);
      const first = await ws.incremental({ zone });
      expect(first.suggestionDays.map(formatDay)).toEqual(['2026-11-02']);
      ws.append(
        'share.log',
        `${[line('05/Nov/2026:09:00:00 +0100', '/hub/en/proposer/envoye/'), share(6), line('06/Nov/2026:09:30:00 +0100', '/hub/proposer/envoye/')].join('\n')}\n`,
      );
      const next = await ws.incremental({ zone });
      expect(next.report.tailsRead).toBe(1);
      expect(next.report.filesRead).toBe(0);
      const sorted = next.suggestionDays.map(formatDay).sort();
      expect(sorted).toEqual(['2026-11-02', '2026-11-05', '2026-11-06']);
      expect(sorted).toEqual(await fullDays(ws.logs));
    } finally {
      ws.remove();
    }
  });
});
