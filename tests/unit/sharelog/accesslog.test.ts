import { describe, expect, it } from 'vitest';
import { logTime } from '../../../src/sharelog/accesslog.ts';
import { run } from './helpers.ts';

const line = (user: string, request: string, status = 302, time = '06/Mar/2026:09:15:00 +0100') =>
  `10.0.0.1 - ${user} [${time}] "${request}" ${status} 0 "-" "Mozilla/5.0 (X11)"`;

describe('access logs', () => {
  it('converts time_local', () => {
    expect(logTime('06/Mar/2026:09:15:00 +0100')).toBe('2026-03-06T09:15:00+01:00');
    expect(logTime('06/Foo/2026:09:15:00 +0100')).toBe('06/Foo/2026:09:15:00 +0100');
  });

  it('accepts GET 2xx/3xx on the share route (any prefix, optional slash, v=, anonymous)', async () => {
    const text = [
      line('alice@x.fr', 'GET /partager/salon/linkedin/ HTTP/1.1'),
      line('alice@x.fr', 'GET /hub/intranet/partager/salon/li?utm=1&v=b HTTP/1.1', 200),
      line('-', 'GET /partager/caf%C3%A9/x.com/?v=a HTTP/2.0', 301),
      line('bob@x.fr', 'GET https://intranet.exemple.fr/partager/salon/teams HTTP/1.1', 204),
    ].join('\n');
    const { output, rejects } = await run([['a.log', text]]);
    expect(rejects).toEqual([]);
    expect(output.ingest).toMatchObject({ rows: 4, accepted: 4 });
    expect(output.totals).toMatchObject({ shares: 4, activeAmbassadors: 2 });
    expect(output.byContent).toEqual([
      { content: 'salon', shares: 3, clicks: 0 },
      { content: 'café', shares: 1, clicks: 0 },
    ]);
    expect(output.byNetwork.map((n) => n.network)).toEqual(['linkedin', 'teams', 'x']);
  });

  it('ignores every other line: neither a row nor a reject', async () => {
    const text = [
      line('a@x.fr', 'POST /partager/salon/linkedin/ HTTP/1.1'),
      line('a@x.fr', 'HEAD /partager/salon/linkedin/ HTTP/1.1'),
      line('a@x.fr', 'GET /partager/salon/linkedin/ HTTP/1.1', 404),
      line('a@x.fr', 'GET /partager/salon/linkedin/ HTTP/1.1', 500),
      line('a@x.fr', 'GET /partager/salon/ HTTP/1.1'),
      line('a@x.fr', 'GET /partager/salon/linkedin/extra HTTP/1.1'),
      line('a@x.fr', 'GET /assets/app.css HTTP/1.1', 200),
      line('a@x.fr', 'GET /cartes/salon/?v=a HTTP/1.1', 200),
      'garbage',
      '',
    ].join('\n');
    const { output, rejects } = await run([['a.log', text]]);
    expect(rejects).toEqual([]);
    expect(output.ingest.rows).toBe(0);
  });

  it('rejects a share line with an unreadable time, with its line number', async () => {
    const text = `garbage\n${line('a@x.fr', 'GET /partager/s/li/ HTTP/1.1', 302, '99/Foo/2026:09:15:00 +0100')}\n`;
    const { rejects } = await run([['a.log', text]]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'bad timestamp']]);
  });
});
