import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listInputs } from '../../../src/sharelog/read.ts';
import { suggestionDays, suggestionsByWeek } from '../../../src/sharelog/suggestions.ts';
import { createZone, formatDay } from '../../../src/sharelog/timestamp.ts';

const line = (time: string, path: string, status = 200, method = 'GET', user = '-') =>
  `10.0.0.0 - ${user} [${time}] "${method} ${path} HTTP/1.1" ${status} 512 "-" "Mozilla/5.0"`;

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
    const zone = createZone('Europe/Paris');
    const days = await suggestionDays(await listInputs([dir]), zone);
    expect(days.map(formatDay).sort()).toEqual(['2026-11-02', '2026-11-03', '2026-11-09']);
    expect(suggestionsByWeek(days, { from: '2026-10-28', to: '2026-11-20' })).toEqual([
      { week: '2026-W44', suggestions: 0 },
      { week: '2026-W45', suggestions: 2 },
      { week: '2026-W46', suggestions: 1 },
      { week: '2026-W47', suggestions: 0 },
    ]);
    // Outside the period: left out, as out-of-range shares are.
    expect(suggestionsByWeek(days, { from: '2026-11-05', to: '2026-11-08' })).toEqual([
      { week: '2026-W45', suggestions: 0 },
    ]);
    expect(suggestionsByWeek(days, null)).toEqual([]);
  });
});
