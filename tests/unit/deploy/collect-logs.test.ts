import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectLogs } from '../../../deploy/collect-logs.ts';

let dir: string;
let from: string;
let to: string;
const line = (user: string) =>
  `10.0.0.0 - ${user} [21/Nov/2026:10:00:00 +0100] "GET /hub/partager/c/linkedin/?v=1 HTTP/1.1" 200 512 "-" "UA"\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relais-collect-'));
  from = join(dir, 'from');
  to = join(dir, 'to');
  mkdirSync(from);
  writeFileSync(join(from, 'share-20261121.log'), line('a@exemple.fr'));
  writeFileSync(join(from, 'share-20261120.log.gz'), gzipSync(line('b@exemple.fr')));
  writeFileSync(join(from, 'share.log'), line('c@exemple.fr'));
  writeFileSync(join(from, 'relais-access.log'), 'not a share log\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('collectLogs', () => {
  it('copies plain days, decompresses gzipped ones, leaves the live log and other files', async () => {
    const done = await collectLogs(from, to);
    expect(done).toEqual({ copied: ['share-20261121.log'], decompressed: ['share-20261120.log.gz'], unchanged: 0 });
    expect(readdirSync(to).sort()).toEqual(['share-20261120.log', 'share-20261121.log']);
    expect(readFileSync(join(to, 'share-20261120.log'), 'utf8')).toBe(line('b@exemple.fr'));
  });

  it('does nothing the second time, and takes a day again when it changed', async () => {
    await collectLogs(from, to);
    expect(await collectLogs(from, to)).toEqual({ copied: [], decompressed: [], unchanged: 2 });
    writeFileSync(join(from, 'share-20261121.log'), line('a@exemple.fr') + line('d@exemple.fr'));
    utimesSync(join(from, 'share-20261121.log'), new Date('2026-11-22T00:00:00Z'), new Date('2026-11-22T00:00:00Z'));
    expect((await collectLogs(from, to)).copied).toEqual(['share-20261121.log']);
  });

  it('takes today’s log as share-live.log with --live', async () => {
    await collectLogs(from, to, { live: true });
    expect(readFileSync(join(to, 'share-live.log'), 'utf8')).toBe(line('c@exemple.fr'));
  });
});
