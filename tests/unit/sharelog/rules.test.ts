import { describe, expect, it } from 'vitest';
import { eventIndex, networkIndex } from '../../../src/sharelog/normalize.ts';
import { parseDay } from '../../../src/sharelog/timestamp.ts';
import { EVENTS, NETWORKS } from '../../../src/sharelog/types.ts';
import { csv, run } from './helpers.ts';

const net = (v: string) => (networkIndex(v) < 0 ? 'missing' : NETWORKS[networkIndex(v)]);
const ev = (v: string) => (eventIndex(v) < 0 ? 'unknown' : EVENTS[eventIndex(v)]);

describe('events and networks', () => {
  it('maps events, case-insensitive, French aliases, empty = share', () => {
    expect(['', 'share', 'SHARE', 'Partage', 'click', 'Clic', 'reaction', 'comment'].map(ev)).toEqual([
      'share',
      'share',
      'share',
      'share',
      'click',
      'click',
      'reaction',
      'comment',
    ]);
    expect(['like', 'vue', 'shares'].map(ev)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('maps every network alias; other values → other; empty → missing', () => {
    const cases: Record<string, string> = {
      LinkedIn: 'linkedin',
      li: 'linkedin',
      twitter: 'x',
      'X.com': 'x',
      x: 'x',
      FB: 'facebook',
      facebook: 'facebook',
      ig: 'instagram',
      instagram: 'instagram',
      mail: 'email',
      'e-mail': 'email',
      courriel: 'email',
      email: 'email',
      msteams: 'teams',
      'Microsoft Teams': 'teams',
      teams: 'teams',
      wa: 'whatsapp',
      WhatsApp: 'whatsapp',
      viadeo: 'other',
      mastodon: 'other',
      ' ': 'missing',
      '': 'missing',
    };
    for (const [input, expected] of Object.entries(cases)) expect([input, net(input)]).toEqual([input, expected]);
  });
});

describe('validation, order and counts', () => {
  it('rejects with the exact reasons, first failing check wins', async () => {
    const { rejects, output } = await run([
      [
        'a.csv',
        csv([
          ['hier', 'a@x.fr', 'T', 'li', 'c1', 'share'],
          ['2026-03-02', 'a@x.fr', 'T', 'li', 'c1', 'like'],
          ['2026-03-02', 'a@x.fr', 'T', '', 'c1', 'share'],
          ['2026-03-02', 'a@x.fr', 'T', 'li', '', 'share'],
          ['bad', 'a@x.fr', 'T', '', '', 'like'],
          ['2026-03-02', '', '', 'li', 'c1', ''],
        ]),
      ],
      [
        'b.jsonl',
        '{"timestamp":"2026-03-02","network":"li","content":"c1"}\n[1]\nnull\n"x"\n{oops\n\n{"timestamp":null,"network":"li","content":"c1"}\n',
      ],
    ]);
    expect(rejects.map((r) => `${r.file}:${r.line} ${r.reason}`)).toEqual([
      'a.csv:2 bad timestamp',
      'a.csv:3 unknown event',
      'a.csv:4 missing network',
      'a.csv:5 missing content',
      'a.csv:6 bad timestamp',
      'b.jsonl:2 bad JSON',
      'b.jsonl:3 bad JSON',
      'b.jsonl:4 bad JSON',
      'b.jsonl:5 bad JSON',
      'b.jsonl:7 bad timestamp',
    ]);
    // The JSONL row repeats the last CSV row (same second, anonymous, network, content, event).
    expect(output.ingest).toMatchObject({ files: 2, rows: 12, accepted: 1, rejected: 10, duplicates: 1 });
    expect(output.totals).toEqual({ shares: 1, clicks: 0, reactions: 0, comments: 0, activeAmbassadors: 0 });
  });

  it('applies reject → outOfRange → duplicate, across inputs, and rows add up', async () => {
    const { output } = await run(
      [
        [
          'a.csv',
          csv([
            ['2026-03-01 23:59', 'a@x.fr', 'T', 'li', 'c', 'share', '', 'id1'], // out of range (before)
            ['2026-03-02 00:00', 'a@x.fr', 'T', 'li', 'c', 'share', '', 'id1'], // accepted (id1 unused so far)
            ['2026-03-02 00:01', 'b@x.fr', 'T', 'li', 'c', 'share', '', 'id1'], // duplicate by id
            ['2026-03-02 10:00:00', 'b@x.fr', 'T', 'li', 'c', 'click', 'v'], // accepted
            ['2026-03-02 10:00:00.900', 'B@x.fr', 'T', 'LinkedIn', 'c', 'clic', 'v'], // duplicate (composite)
            ['2026-03-02 10:00:01', 'b@x.fr', 'T', 'li', 'c', 'click', 'v'], // accepted (other second)
            ['2026-03-02 10:00:01', 'b@x.fr', 'T', 'li', 'c', 'click', 'w'], // accepted (other variant)
            ['2026-03-02 10:00:01', 'hier', 'T', 'li', 'c', 'boom', 'w', 'id1'], // rejected first
            ['2026-03-10 00:00', 'a@x.fr', 'T', 'li', 'c', 'share', '', 'id9'], // out of range (after)
          ]),
        ],
        [
          'b.jsonl',
          '{"timestamp":"2026-03-02T09:00:00Z","ambassador":"b@x.fr","network":"li","content":"c","event":"click","variant":"v"}\n{"timestamp":"2026-03-03","content":"c","network":"x","event_id":"id1"}\n',
        ],
      ],
      { from: parseDay('2026-03-02'), to: parseDay('2026-03-09') },
    );
    expect(output.ingest).toEqual({
      files: 2,
      rows: 11,
      accepted: 4,
      rejected: 1,
      duplicates: 4,
      outOfRange: 2,
      rejectedByReason: {
        'bad timestamp': 0,
        'unknown event': 1,
        'missing network': 0,
        'missing content': 0,
        'bad JSON': 0,
        'wrong field count': 0,
        'bad count': 0,
        'bad label': 0,
      },
    });
    const i = output.ingest;
    expect(i.accepted + i.rejected + i.duplicates + i.outOfRange).toBe(i.rows);
  });

  it('counts anonymous rows as events but never as active ambassadors; only shares make one active', async () => {
    const { output } = await run([
      [
        'a.csv',
        csv([
          ['2026-03-02 10:00', '', 'T', 'li', 'c', 'share'],
          ['2026-03-02 10:00', 'clicker@x.fr', 'T', 'li', 'c', 'click'],
          ['2026-03-02 10:00', 'reactor@x.fr', 'T', 'li', 'c', 'reaction'],
          ['2026-03-02 10:00', 'sharer@x.fr', 'T', 'li', 'c', 'share'],
          ['2026-03-03 10:00', 'SHARER@x.fr', 'T', 'fb', 'c', 'share'],
        ]),
      ],
    ]);
    expect(output.totals).toEqual({ shares: 3, clicks: 1, reactions: 1, comments: 0, activeAmbassadors: 1 });
    expect(output.byWeek).toEqual([{ week: '2026-W10', shares: 3, clicks: 1, activeAmbassadors: 1 }]);
  });
});

describe('aggregates', () => {
  it('zero-fills every ISO week from period.from to period.to, across 2026-W53', async () => {
    const { output } = await run([
      [
        'a.csv',
        csv([
          ['2027-01-05 12:00', 'a@x.fr', 'T', 'li', 'c', 'share'],
          ['2026-12-20 12:00', 'b@x.fr', 'T', 'li', 'c', 'click'],
          ['2027-01-01 00:30', 'a@x.fr', 'T', 'li', 'c', 'share'],
        ]),
      ],
    ]);
    expect(output.period).toEqual({ from: '2026-12-20', to: '2027-01-05' });
    expect(output.byWeek).toEqual([
      { week: '2026-W51', shares: 0, clicks: 1, activeAmbassadors: 0 },
      { week: '2026-W52', shares: 0, clicks: 0, activeAmbassadors: 0 },
      { week: '2026-W53', shares: 1, clicks: 0, activeAmbassadors: 1 },
      { week: '2027-W01', shares: 1, clicks: 0, activeAmbassadors: 1 },
    ]);
  });

  it('uses local days: 23:30 UTC on Sunday is Monday in Paris', async () => {
    const { output } = await run([['a.csv', csv([['2026-03-08T23:30:00Z', 'a@x.fr', 'T', 'li', 'c', 'share']])]]);
    expect(output.period).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    expect(output.byWeek.map((w) => w.week)).toEqual(['2026-W11']);
  });

  it('has a null period and empty lists without accepted events', async () => {
    const { output } = await run([['a.csv', HEADER_ONLY]]);
    expect(output.period).toBeNull();
    expect(output.byWeek).toEqual([]);
    expect(output.byTeam).toEqual([]);
  });

  it('sorts networks and contents by shares desc then name', async () => {
    const { output } = await run([
      [
        'a.csv',
        csv([
          ['2026-03-02', 'a@x.fr', '', 'x', 'b', 'share'],
          ['2026-03-02', 'a@x.fr', '', 'li', 'a', 'share'],
          ['2026-03-02', 'a@x.fr', '', 'fb', 'c', 'click'],
          ['2026-03-02', 'a@x.fr', '', 'x', 'a', 'click'],
        ]),
      ],
    ]);
    expect(output.byNetwork.map((n) => n.network)).toEqual(['linkedin', 'x', 'facebook']);
    expect(output.byContent).toEqual([
      { content: 'a', shares: 1, clicks: 1 },
      { content: 'b', shares: 1, clicks: 0 },
      { content: 'c', shares: 0, clicks: 1 },
    ]);
  });

  it('names only teams with at least k active ambassadors', async () => {
    const rows: string[][] = [];
    for (let i = 0; i < 5; i++) rows.push(['2026-03-02', `big${i}@x.fr`, 'Grande', 'li', 'c', 'share']);
    for (let i = 0; i < 4; i++) rows.push(['2026-03-02', `small${i}@x.fr`, 'Petite', 'li', 'c', 'share']);
    for (let i = 0; i < 9; i++) rows.push([`2026-03-02 10:0${i}`, '', 'Petite', 'li', 'c', 'share']); // anonymous
    for (let i = 0; i < 9; i++) rows.push(['2026-03-02', `c${i}@x.fr`, 'Petite', 'li', 'c', 'click']); // not shares
    const five = (await run([['a.csv', csv(rows)]])).output;
    expect(five.byTeam).toEqual([{ team: 'Grande', shares: 5, activeAmbassadors: 5 }]);
    expect(JSON.stringify(five)).not.toContain('Petite');
    const four = (await run([['a.csv', csv(rows)]], { k: 4 })).output;
    expect(four.byTeam).toEqual([
      { team: 'Petite', shares: 13, activeAmbassadors: 4 },
      { team: 'Grande', shares: 5, activeAmbassadors: 5 },
    ]);
  });

  it('never names a team or a content shaped like an e-mail address, whatever its size', async () => {
    const rows: string[][] = [];
    for (let i = 0; i < 6; i++)
      rows.push(['2026-03-02', `m${i}@x.fr`, 'chef.equipe@exemple.fr', 'li', 'perso@exemple.fr', 'share']);
    for (let i = 0; i < 6; i++) rows.push(['2026-03-02', `n${i}@x.fr`, 'Ventes', 'li', 'salon', 'share']);
    const { output } = await run([['a.csv', csv(rows)]]);
    expect(output.byTeam.map((t) => t.team)).toEqual(['Ventes']);
    expect(output.byContent.map((c) => c.content)).toEqual(['salon']);
    expect(output.totals.shares).toBe(12);
    expect(JSON.stringify(output)).not.toMatch(/@/);
  });
});

const HEADER_ONLY = 'timestamp,network,content\n';

describe('challenges', () => {
  const defs = [
    {
      id: 'mars',
      start: Date.parse('2026-03-01T00:00:00+01:00'),
      end: Date.parse('2026-03-31T23:59:59.999+02:00'),
      contents: new Set(['salon']),
    },
    { id: 'tout', start: 0, end: Date.parse('2030-01-01'), contents: null },
  ];
  it('counts shares in range and scope; leaderboard only for opted-in ambassadors', async () => {
    const { output } = await run(
      [
        [
          'a.csv',
          csv([
            ['2026-03-02', 'alice@x.fr', '', 'li', 'salon', 'share'],
            ['2026-03-03', 'alice@x.fr', '', 'li', 'salon', 'share'],
            ['2026-03-03', 'bob@x.fr', '', 'li', 'salon', 'share'],
            ['2026-03-03', 'carol@x.fr', '', 'li', 'salon', 'share'],
            ['2026-03-03', 'carol@x.fr', '', 'li', 'salon', 'click'],
            ['2026-03-03', '', '', 'li', 'salon', 'share'],
            ['2026-03-04', 'alice@x.fr', '', 'li', 'autre', 'share'],
            ['2026-04-01', 'alice@x.fr', '', 'li', 'salon', 'share'],
          ]),
        ],
      ],
      {
        challenges: defs,
        optIn: new Map([
          ['alice@x.fr', 'Alice'],
          ['bob@x.fr', 'Bob'],
          ['zoe@x.fr', 'Zoé'],
        ]),
      },
    );
    expect(output.challenges).toEqual([
      {
        id: 'mars',
        shares: 5,
        activeAmbassadors: 3,
        leaderboard: [
          { displayName: 'Alice', shares: 2 },
          { displayName: 'Bob', shares: 1 },
        ],
      },
      {
        id: 'tout',
        shares: 7,
        activeAmbassadors: 3,
        leaderboard: [
          { displayName: 'Alice', shares: 4 },
          { displayName: 'Bob', shares: 1 },
        ],
      },
    ]);
  });
});
