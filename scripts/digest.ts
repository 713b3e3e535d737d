/**
 * The weekly digest (issue 16): e-mail (.eml), Teams card and Slack message for one ISO week,
 * optionally sent. Run `npm run digest -- --help`.
 * Exit codes: 0 written (and sent), 1 a channel failed to send, 2 unusable arguments,
 * 3 unreadable content or settings, unwritable output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

module.enableCompileCache?.();

const HELP = `Usage: npm run digest -- --week 2026-W49 --out DIR [options]

Writes the week's digest from the content and the dashboards (.relais/dashboards.json):
  DIR/digest-<week>-<locale>.eml         the e-mail (multipart HTML + plain text, UTF-8)
  DIR/digest-<week>-<locale>.html        its HTML part, to preview in a browser
  DIR/digest-<week>-<locale>.txt         its plain-text part
  DIR/digest-<week>-<locale>.teams.json  the Microsoft Teams message (Adaptive Card 1.5)
  DIR/digest-<week>-<locale>.slack.json  the Slack message (Block Kit)

Options:
  --week YYYY-Www  ISO week, e.g. 2026-W49. Default: the current week
  --locale fr|en   Language of the digest. Default: fr
  --out DIR        Output folder (created). Required
  --send           Also send: e-mail over SMTP, card to the webhook (content/settings/digest.yaml;
                   secrets from RELAIS_SMTP_PASSWORD and RELAIS_DIGEST_WEBHOOK). Each channel goes
                   out once per week and locale (recorded in --record)
  --force          With --send: send again channels the record says went out
  --record FILE    Sent record. Default: .relais/digest-sent.json
  --root DIR       Project folder holding content/. Default: this project
  -h, --help       This help

Exit codes: 0 done, 1 a channel failed to send, 2 bad arguments, 3 unreadable content/settings
or unwritable output.`;

const fail = (code: number, message: string): never => {
  process.stderr.write(`digest: ${message}\n`);
  process.exit(code);
};

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      week: { type: 'string' },
      locale: { type: 'string', default: 'fr' },
      out: { type: 'string' },
      send: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      record: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (err) {
  fail(2, `${(err as Error).message}\n\n${HELP}`);
  throw err;
}
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const { parseWeek, weekOf, WeekError } = await import('../src/digest/week.ts');
const locale = values.locale as string;
if (locale !== 'fr' && locale !== 'en') fail(2, `--locale ${locale}: attendu fr ou en`);
if (!values.out) fail(2, '--out DIR est requis (dossier où écrire le digest)');
let week: ReturnType<typeof parseWeek>;
try {
  week = values.week ? parseWeek(values.week as string) : weekOf(new Date());
} catch (err) {
  if (err instanceof WeekError) fail(2, err.message);
  throw err;
}

// MJML loads in a worker thread while the content is read (src/digest/html.ts).
const { preloadMjml } = await import('../src/digest/html.ts');
await preloadMjml();
const root = resolve((values.root as string | undefined) ?? fileURLToPath(new URL('..', import.meta.url)));
const { readSources, buildDigest } = await import('../src/digest/build.ts');
let sources: Awaited<ReturnType<typeof readSources>>;
try {
  sources = readSources(root);
} catch (err) {
  fail(3, (err as Error).message);
  throw err;
}
const built = await buildDigest(sources, week, locale as 'fr' | 'en');
const { composeEml } = await import('../src/digest/eml.ts');
const out = resolve(values.out as string);
const base = join(out, `digest-${week.id}-${locale}`);
try {
  await mkdir(out, { recursive: true });
  await Promise.all([
    writeFile(`${base}.eml`, await composeEml(built.mail)),
    writeFile(`${base}.html`, built.mail.html),
    writeFile(`${base}.txt`, built.mail.text),
    writeFile(`${base}.teams.json`, `${JSON.stringify(built.teams, null, 2)}\n`),
    writeFile(`${base}.slack.json`, `${JSON.stringify(built.slack, null, 2)}\n`),
  ]);
} catch (err) {
  fail(3, `${out}: écriture impossible (${(err as Error).message})`);
}
const kb = (Buffer.byteLength(built.mail.html) / 1024).toFixed(1);
process.stdout.write(`digest ${week.id} (${locale}): ${base}.eml, HTML ${kb} KB\n`);

if (values.send) {
  const { sendDigest } = await import('../src/digest/send.ts');
  const failures = await sendDigest(built, {
    digest: sources.digest,
    env: process.env,
    recordFile: resolve((values.record as string | undefined) ?? join(root, '.relais/digest-sent.json')),
    force: values.force === true,
    ...(process.env.RELAIS_DIGEST_BACKOFF_MS ? { backoffMs: Number(process.env.RELAIS_DIGEST_BACKOFF_MS) } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  if (failures.length) fail(1, `échec de l’envoi :\n${failures.join('\n')}`);
}
