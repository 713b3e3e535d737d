/**
 * The incremental store, case by case: what each kind of change to the logs or the programme
 * makes a build read or recompute (exact report figures), and that the result is always the
 * very bytes of a full run from scratch.
 */
import { copyFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindOf } from '../../../src/sharelog/read.ts';
import type { ChallengeDef } from '../../../src/sharelog/types.ts';
import { HEADER } from './helpers.ts';
import { Workspace } from './store-helpers.ts';

/** logrotate's name for rotation n when the reader knows it, else a name it reads. */
const rotated = (base: string, n: number) =>
  kindOf(`${base}.log.${n}`) ? `${base}.log.${n}` : `${base}-rotated-${n}.log`;

const log = (user: string, time: string, path: string, status = 302) =>
  `10.0.0.1 - ${user} [${time}] "GET ${path} HTTP/1.1" ${status} 0 "-" "Mozilla/5.0"\n`;

const row = (...cells: string[]) => `${[...cells, '', ''].slice(0, 8).join(',')}\n`;

/** Six ISO weeks of CSV rows, two teams, one share a day per ambassador. */
function sixWeeks(): string {
  let text = HEADER;
  for (let d = 0; d < 42; d++) {
    const day = new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10);
    for (const [i, amb] of ['ann@x.fr', 'ben@x.fr', 'cat@x.fr', 'dan@x.fr'].entries()) {
      text += row(`${day} 1${i}:00`, amb, i < 2 ? 'Ventes' : 'RH', 'li', d % 2 ? 'salon' : 'rapport', 'share', '', '');
    }
  }
  return text;
}

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

async function expectSameAsFull(opts: Parameters<Workspace['full']>[0] = {}) {
  const inc = await ws.incremental(opts);
  const full = await ws.full(opts);
  expect(inc.json).toBe(full.json);
  return { ...inc, full };
}

describe('files that grew', () => {
  it('reads an appended access.log from where it grew, with the tail’s rejects on their own lines', async () => {
    ws.write('export.csv', sixWeeks());
    ws.write(
      'access.log',
      log('ann@x.fr', '06/Mar/2026:09:15:00 +0100', '/partager/salon/linkedin/') +
        log('ben@x.fr', '99/Foo/2026:09:16:00 +0100', '/partager/salon/x/') +
        'not a log line\n' +
        log('-', '06/Mar/2026:09:17:00 +0100', '/assets/app.css', 200),
    );
    const first = await ws.incremental();
    expect(first.report).toMatchObject({ rebuilt: 'no cache yet', filesRead: 2, tailsRead: 0, filesReused: 0 });
    expect(first.rejects.map((r) => r.line)).toEqual([2]);

    const tail =
      log('cat@x.fr', '13/Mar/2026:10:00:00 +0100', '/hub/partager/rapport/facebook/?v=b') +
      log('dan@x.fr', '13/Mar/2026:25:00:00 +0100', '/partager/rapport/x/') +
      log('cat@x.fr', '14/Mar/2026:10:00:00 +0100', '/partager/salon/linkedin/');
    ws.append('access.log', tail);
    const { report, rejects, full, output } = await expectSameAsFull();
    expect(report).toMatchObject({ rebuilt: null, filesRead: 0, tailsRead: 1, filesReused: 1 });
    // Only the week of the tail (9–15 March) is recomputed.
    expect([report.weeksComputed, report.weeks]).toEqual([1, 6]);
    // The tail's reject, on the line a full read gives it; the first part's reject is not read again.
    expect(rejects).toEqual([
      {
        file: expect.stringMatching(/access\.log$/),
        line: 6,
        reason: 'bad timestamp',
        raw: tail.split('\n')[1],
      },
    ]);
    expect(full.rejects.map((r) => r.line)).toEqual([2, 6]);
    expect(output.ingest.rejected).toBe(2);
  });

  it('reads a CSV (BOM, CRLF, ";") from where it grew, its header applied to the tail', async () => {
    const head = '\ufeffDate;Ambassadeur;Équipe;Réseau;Contenu;Événement;Variante;Id\r\n';
    ws.write(
      'partages.csv',
      `${head}2026-03-02 09:00;ann@x.fr;Ventes;li;salon;partage;a;e1\r\nhier;x;RH;li;salon;;;\r\n`,
    );
    await ws.incremental();
    ws.append(
      'partages.csv',
      '2026-03-03 09:00;ben@x.fr;"Ventes; export";fb;rapport;clic;;e2\r\n' +
        '2026-03-03 10:00;ben@x.fr;RH;;rapport;partage;;e3\r\n' +
        '2026-03-02 09:00;ANN@x.fr;Ventes;li;salon;partage;a;e1\r\n',
    );
    const { report, rejects, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 0, tailsRead: 1, filesReused: 0 });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[5, 'missing network']]);
    expect(output.ingest).toMatchObject({ rows: 5, accepted: 2, duplicates: 1, rejected: 2 });
  });

  it('reads again a file whose last line had no newline (the line may have been cut)', async () => {
    ws.write('export.csv', `${HEADER}2026-03-02,ann@x.fr,RH,li,salon,share,,e1`);
    await ws.incremental();
    ws.append('export.csv', '0\n2026-03-03,ben@x.fr,RH,li,salon,share,,e2\n');
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 1, tailsRead: 0 });
    expect(output.ingest.accepted).toBe(2);
  });

  it('reads again a file truncated, then grown past its old length with other bytes', async () => {
    const text = sixWeeks();
    ws.write('export.csv', text);
    await ws.incremental();
    truncateSync(ws.path('export.csv'), HEADER.length + 10);
    ws.touch('export.csv');
    const cut = await expectSameAsFull();
    expect(cut.report).toMatchObject({ filesRead: 1, tailsRead: 0 });
    ws.append('export.csv', `\n${text.slice(HEADER.length)}x\n`);
    expect((await expectSameAsFull()).report).toMatchObject({ filesRead: 1, tailsRead: 0 });
  });

  it('reads a CSV whole when a quoted field is still open at its end, even with an even count of quotes', async () => {
    // The first `"` is an ordinary character (it does not start a field), the second opens a
    // field that runs to the end of the file: a full read swallows whatever is appended into it.
    ws.write('export.csv', `${HEADER}2026-03-02,a"b,RH,li,salon,share,,"e1\n`);
    await ws.incremental();
    ws.append('export.csv', '2026-03-03,ben@x.fr,RH,li,salon,share,,e2\n');
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 1, tailsRead: 0 });
    expect(output.ingest.accepted).toBe(1);
  });

  it('continues a CSV whose header follows blank lines with that header, not with a blank line', async () => {
    ws.write('export.csv', `\n \n${HEADER}2026-03-02,ann@x.fr,RH,li,salon,share,,e1\n`);
    await ws.incremental();
    ws.append('export.csv', '2026-03-03,ben@x.fr,RH,li,salon,share,,e2\n2026-03-03,cat@x.fr,RH,li,salon,bad,,e3\n');
    const { rejects, output } = await expectSameAsFull();
    expect(output.ingest.accepted).toBe(2);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[6, 'unknown event']]);
  });

  it.each([
    ['export.jsonl', (n: number) => `{"timestamp":"2026-03-0${n}T10:00:00Z","network":"li","content":"salon"}\n`],
    ['access.log', (n: number) => log('ann', `0${n}/Mar/2026:09:15:00 +0100`, '/partager/salon/linkedin/')],
  ])('keeps a byte-order mark that starts an appended tail of %s as a full read does', async (name, line) => {
    ws.write(name, line(2));
    await ws.incremental();
    ws.append(name, `\ufeff${line(3)}${line(4)}`);
    const { output } = await expectSameAsFull();
    expect(output.totals.shares).toBe(2); // the line behind the mark is not a valid row in a full read
  });
});

describe('files moved, copied, deleted', () => {
  it('reuses a file rotated by rename (same inode) without reading it', async () => {
    ws.write('export.csv', sixWeeks());
    ws.write('access.log', log('ann', '06/Mar/2026:09:15:00 +0100', '/partager/salon/linkedin/'));
    await ws.incremental();
    const inode = statSync(ws.path('access.log')).ino;
    renameSync(ws.path('access.log'), ws.path(rotated('access', 1)));
    expect(statSync(ws.path(rotated('access', 1))).ino).toBe(inode);
    writeFileSync(ws.path('access.log'), '');
    ws.touch('access.log');
    const { report } = await expectSameAsFull();
    // The new, empty access.log is the only file read; no week changed.
    expect(report).toMatchObject({ filesRead: 1, tailsRead: 0, filesReused: 2, weeksComputed: 0, weeks: 6 });
  });

  it('reuses a copy of a file under another name by its content', async () => {
    ws.write('export.csv', sixWeeks());
    const before = await ws.incremental();
    copyFileSync(ws.path('export.csv'), ws.path('server2-export.csv'));
    ws.touch('server2-export.csv');
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 0, tailsRead: 0, filesReused: 2 });
    // Every row of the copy is a duplicate: the figures are those of one copy.
    expect(output.totals).toEqual(before.output.totals);
    expect(output.ingest.duplicates).toBe(before.output.ingest.rows);
  });

  it('removes the rows of a deleted file', async () => {
    ws.write('a.csv', sixWeeks());
    ws.write('b.jsonl', '{"timestamp":"2026-05-04T10:00:00Z","network":"li","content":"nouveau"}\n');
    const before = await ws.incremental();
    expect(before.output.byContent.map((c) => c.content)).toContain('nouveau');
    rmSync(ws.path('b.jsonl'));
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 0, filesReused: 1, weeksComputed: 0 });
    expect(output.byContent.map((c) => c.content)).not.toContain('nouveau');
    expect(output.ingest.files).toBe(1);
  });

  it('reads again a file renamed to another kind (the same bytes mean other rows)', async () => {
    ws.write('export.csv', `${HEADER}2026-03-02,ann@x.fr,RH,li,salon,share,,e1\n`);
    await ws.incremental();
    renameSync(ws.path('export.csv'), ws.path('export.jsonl'));
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 1, filesReused: 0 });
    expect(output.ingest.rejectedByReason['bad JSON']).toBe(2);
  });

  it('checks the content of a file modified too recently to trust its stat (racy)', async () => {
    ws.write('export.csv', `${HEADER}2026-03-02,ann@x.fr,RH,li,salon,share,,e1\n`);
    // An mtime ahead of the clock (a server's clock, a copy with -p): racy on every build.
    const ahead = Date.now() + 3_600_000;
    ws.touch('export.csv', ahead);
    await ws.incremental();
    writeFileSync(ws.path('export.csv'), `${HEADER}2026-03-09,ann@x.fr,RH,li,salon,share,,e1\n`);
    ws.touch('export.csv', ahead); // same inode, size and mtime: only the content tells
    const { report, output } = await expectSameAsFull();
    expect(report).toMatchObject({ filesRead: 1, filesReused: 0 });
    expect(output.period).toEqual({ from: '2026-03-09', to: '2026-03-09' });
  });
});

describe('programme changes', () => {
  const challenge = (end: string): ChallengeDef => ({
    id: 'salon-mars',
    start: Date.parse('2026-03-18T00:00:00+01:00'),
    end: Date.parse(end),
    contents: new Set(['salon']),
  });

  it('editing a challenge recomputes only the weeks it overlaps', async () => {
    ws.write('export.csv', sixWeeks());
    const first = await ws.incremental({ challenges: [challenge('2026-03-19T23:59:59+01:00')] });
    expect(first.report.weeksComputed).toBe(6);
    const { report, output } = await expectSameAsFull({ challenges: [challenge('2026-03-21T23:59:59+01:00')] });
    expect(report).toMatchObject({ filesRead: 0, filesReused: 1, weeksComputed: 1, weeks: 6 });
    expect(output.challenges[0]?.shares).toBeGreaterThan(first.output.challenges[0]?.shares ?? 0);
    // Removing it recomputes nothing (the week keeps figures for a challenge no longer shown).
    const gone = await expectSameAsFull({ challenges: [] });
    expect(gone.report.weeksComputed).toBe(0);
  });

  it('changing k or the opt-in list recomputes no week', async () => {
    ws.write('export.csv', sixWeeks());
    const challenges = [challenge('2026-04-30T00:00:00+02:00')];
    const k2 = await ws.incremental({ k: 2, challenges });
    expect(k2.output.byTeam.map((t) => t.team)).toEqual(['RH', 'Ventes']);
    const k3 = await expectSameAsFull({ k: 3, challenges });
    expect(k3.report).toMatchObject({ filesRead: 0, weeksComputed: 0, weeks: 6 });
    expect(k3.output.byTeam).toEqual([]);
    const optIn = new Map([['ben@x.fr', 'Ben']]);
    const board = await expectSameAsFull({ k: 3, challenges, optIn });
    expect(board.report.weeksComputed).toBe(0);
    expect(board.output.challenges[0]?.leaderboard).toEqual([{ displayName: 'Ben', shares: 13 }]);
  });
});
