import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltDigest, buildDigest, type DigestSources, readSources } from '../../../src/digest/build.ts';
import { sendDigest } from '../../../src/digest/send.ts';
import { parseWeek } from '../../../src/digest/week.ts';
import type { DigestSettings } from '../../../src/model/schemas/digest.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A real SMTP server on localhost: checks the password, records each message, fails on demand. */
let smtp: SMTPServer;
let smtpPort = 0;
const received: Buffer[] = [];
/** SMTP replies to give to the next RCPT TO commands, e.g. [451] then accept. */
let rcptFailures: number[] = [];
/** A local HTTP server standing in for the Teams/Slack webhook. */
let http: Server;
let hookUrl = '';
const posts: { type: string; body: string }[] = [];
let hookFailures: number[] = [];

let src: DigestSources;
let built: BuiltDigest;
let dir: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'relais' && auth.password === 's3cret') cb(null, { user: 'relais' });
      else cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, cb) {
      const code = rcptFailures.shift();
      if (code)
        cb(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
      else cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const code = hookFailures.shift();
      if (code) {
        res.writeHead(code, { 'content-type': 'text/plain' }).end(`refused: code ${code}`);
        return;
      }
      posts.push({ type: req.headers['content-type'] ?? '', body });
      res.writeHead(200).end('1');
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/webhook`;
  src = readSources(ROOT, '/nonexistent/dashboards.json');
  built = await buildDigest(src, parseWeek('2026-W49'), 'fr');
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => http.close(() => r()));
});
afterEach(() => {
  received.length = 0;
  posts.length = 0;
  rcptFailures = [];
  hookFailures = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const settings = (over: Partial<DigestSettings> = {}): DigestSettings => ({
  ...src.digest,
  smtp: { host: '127.0.0.1', port: smtpPort, secure: false, user: 'relais' },
  channels: { email: true, webhook: 'teams' },
  attempts: 3,
  ...over,
});
const run = (
  digest: DigestSettings,
  force = false,
  env: NodeJS.ProcessEnv = { RELAIS_SMTP_PASSWORD: 's3cret', RELAIS_DIGEST_WEBHOOK: hookUrl },
) => {
  const log: string[] = [];
  return sendDigest(built, {
    digest,
    env,
    recordFile: join(dir, 'sent.json'),
    force,
    backoffMs: 5,
    log: (l) => log.push(l),
  }).then((failures) => ({ failures, log }));
};

describe('--send', () => {
  it('delivers the e-mail over SMTP and the card to the webhook, as they were built', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-send-'));
    const { failures } = await run(settings());
    expect(failures).toEqual([]);
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0] as Buffer);
    expect(mail.subject).toBe(built.view.subject);
    expect(mail.headers.get('list')).toMatchObject({
      unsubscribe: { mail: expect.stringContaining('relais@exemple.invalid') },
    });
    expect(mail.text?.trim()).toBe(built.mail.text.trim());
    expect(mail.html).toContain('https://relais.intranet.exemple.fr/partager/mecenat-puits-et-partage/linkedin/');
    expect(mail.to).toMatchObject({ text: 'ambassadeurs@exemple.invalid' });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.type).toMatch(/^application\/json/);
    const card = JSON.parse(posts[0]?.body ?? '{}');
    expect(card).toEqual(built.teams);
    expect(card.attachments[0].content.version).toBe('1.5');
  });

  it('does not send twice for the same week unless forced', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-send-'));
    await run(settings());
    const second = await run(settings());
    expect(second.failures).toEqual([]);
    expect(second.log.join('\n')).toMatch(/email: déjà envoyé[\s\S]*teams: déjà envoyé/);
    expect(received).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'sent.json'), 'utf8')))).toEqual([
      '2026-W49/fr/email',
      '2026-W49/fr/teams',
    ]);
    await run(settings(), true);
    expect(received).toHaveLength(2);
    expect(posts).toHaveLength(2);
  });

  it('retries transient failures with backoff, then succeeds', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-send-'));
    rcptFailures = [451];
    hookFailures = [503, 429];
    const { failures, log } = await run(settings());
    expect(failures).toEqual([]);
    expect(log.join('\n')).toMatch(/email: SMTP .* a répondu : 451 Try again later; nouvel essai dans 5 ms \(1\/3\)/);
    expect(log.join('\n')).toMatch(/teams: webhook a répondu 503 .*refused: code 503; nouvel essai dans 5 ms/);
    expect(log.join('\n')).toMatch(/teams: webhook a répondu 429 .*; nouvel essai dans 10 ms \(2\/3\)/);
    expect(received).toHaveLength(1);
    expect(posts).toHaveLength(1);
  });

  it('reports the server’s answer on failure, and leaves the channel to be sent next time', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-send-'));
    rcptFailures = [550];
    hookFailures = [400];
    const { failures } = await run(settings({ channels: { email: true, webhook: 'slack' } }));
    expect(failures).toEqual([
      expect.stringMatching(/^email: SMTP 127\.0\.0\.1:\d+ a répondu : 550 Mailbox unavailable \(tentative 1\/3\)$/),
      expect.stringMatching(/^slack: webhook a répondu 400 Bad Request : refused: code 400 \(tentative 1\/3\)$/),
    ]);
    const again = await run(settings({ channels: { email: true, webhook: 'slack' } }));
    expect(again.failures).toEqual([]);
    expect(received).toHaveLength(1);
    expect(JSON.parse(posts[0]?.body ?? '{}')).toEqual(built.slack);
  });

  it('takes secrets only from the environment, and says which one is missing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'digest-send-'));
    const { failures } = await run(settings(), false, {});
    expect(failures).toEqual([
      expect.stringMatching(/RELAIS_SMTP_PASSWORD manque/),
      expect.stringMatching(/RELAIS_DIGEST_WEBHOOK manque/),
    ]);
    const wrong = await run(settings({ attempts: 1 }), false, {
      RELAIS_SMTP_PASSWORD: 'nope',
      RELAIS_DIGEST_WEBHOOK: hookUrl,
    });
    expect(wrong.failures[0]).toMatch(/535 Authentication credentials invalid/);
    expect(received).toHaveLength(0);
  });
});
