import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DigestSettings } from '../model/schemas/digest.ts';
import type { BuiltDigest } from './build.ts';

/** Where `--send` notes what went out, so a second run does not send twice. */
export interface SentRecord {
  /** `<week>/<locale>/<channel>` → ISO time it was sent. */
  [key: string]: string;
}

export class SendError extends Error {
  /** Worth trying again (network error, 4xx SMTP reply, HTTP 429/5xx). */
  readonly transient: boolean;
  constructor(message: string, transient: boolean) {
    super(message);
    this.transient = transient;
  }
}

const readRecord = (file: string): SentRecord =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SentRecord) : {};
function writeRecord(file: string, record: SentRecord) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Runs `task` up to `attempts` times, waiting `backoffMs`, then twice that…, while it fails transiently. */
export async function withRetries<T>(
  what: string,
  attempts: number,
  backoffMs: number,
  task: () => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await task();
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError((err as Error).message, true);
      if (!e.transient || i >= attempts)
        throw new SendError(`${what}: ${e.message} (tentative ${i}/${attempts})`, e.transient);
      const wait = backoffMs * 2 ** (i - 1);
      log(`${what}: ${e.message}; nouvel essai dans ${wait} ms (${i}/${attempts})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Sends the e-mail over SMTP with nodemailer; the password comes from `RELAIS_SMTP_PASSWORD`. */
export async function sendMail(built: BuiltDigest, digest: DigestSettings, env: NodeJS.ProcessEnv): Promise<string> {
  const { default: nodemailer } = await import('nodemailer');
  const pass = env.RELAIS_SMTP_PASSWORD;
  if (digest.smtp.user && !pass)
    throw new SendError(
      'RELAIS_SMTP_PASSWORD manque dans l’environnement (smtp.user est réglé dans digest.yaml)',
      false,
    );
  const transport = nodemailer.createTransport({
    host: digest.smtp.host,
    port: digest.smtp.port,
    secure: digest.smtp.secure,
    ...(digest.smtp.user ? { auth: { user: digest.smtp.user, pass } } : {}),
    connectionTimeout: 10_000,
  });
  try {
    const info = await transport.sendMail(built.mail);
    return info.response;
  } catch (err) {
    const e = err as Error & { responseCode?: number; response?: string };
    const answer = e.response ?? e.message;
    throw new SendError(
      `SMTP ${digest.smtp.host}:${digest.smtp.port} a répondu : ${answer}`,
      !e.responseCode || e.responseCode < 500,
    );
  } finally {
    transport.close();
  }
}

/** Posts the Teams card (or Slack message) to the webhook in `RELAIS_DIGEST_WEBHOOK`. */
export async function postWebhook(
  built: BuiltDigest,
  kind: 'teams' | 'slack',
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const url = env.RELAIS_DIGEST_WEBHOOK;
  if (!url)
    throw new SendError('RELAIS_DIGEST_WEBHOOK manque dans l’environnement (channels.webhook est réglé)', false);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(kind === 'teams' ? built.teams : built.slack),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new SendError(`webhook injoignable : ${(err as Error).cause ?? (err as Error).message}`, true);
  }
  const answer = (await res.text()).slice(0, 500);
  if (!res.ok)
    throw new SendError(
      `webhook a répondu ${res.status} ${res.statusText} : ${answer}`,
      res.status === 429 || res.status >= 500,
    );
  return `${res.status} ${answer}`.trim();
}

export interface SendOptions {
  digest: DigestSettings;
  env: NodeJS.ProcessEnv;
  recordFile: string;
  force: boolean;
  backoffMs?: number;
  log: (line: string) => void;
}

/**
 * Sends each configured channel once per week and locale: a channel already in the record is
 * skipped unless `force`; one that fails is left out of it, so the next run tries it again.
 * Returns the failures (empty when all went out).
 */
export async function sendDigest(built: BuiltDigest, opts: SendOptions): Promise<string[]> {
  const { digest } = opts;
  const channels: { name: string; run: () => Promise<string> }[] = [];
  if (digest.channels.email) channels.push({ name: 'email', run: () => sendMail(built, digest, opts.env) });
  const hook = digest.channels.webhook;
  if (hook !== 'none') channels.push({ name: hook, run: () => postWebhook(built, hook, opts.env) });
  const failures: string[] = [];
  for (const c of channels) {
    const key = `${built.view.week}/${built.view.locale}/${c.name}`;
    const record = readRecord(opts.recordFile);
    if (record[key] && !opts.force) {
      opts.log(`${c.name}: déjà envoyé le ${record[key]} (--force pour renvoyer)`);
      continue;
    }
    try {
      const answer = await withRetries(c.name, digest.attempts, opts.backoffMs ?? 500, c.run, opts.log);
      writeRecord(opts.recordFile, { ...readRecord(opts.recordFile), [key]: new Date().toISOString() });
      opts.log(`${c.name}: envoyé (${answer})`);
    } catch (err) {
      failures.push((err as Error).message);
    }
  }
  return failures;
}
