/**
 * Share logs → dashboard aggregates (issue 6). Run `node scripts/dashboards.ts --help`.
 * Exit codes: 0 done (even with rejected rows or a broken archive), 1 rows rejected or an
 * archive broken under --strict, 2 unusable arguments (incl. an --in file that is not a log),
 * 3 unreadable input or unwritable output.
 */

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Zone } from '../src/sharelog/timestamp.ts';
import type { DashboardOutput } from '../src/sharelog/types.ts';

// Start-up: Node strips the types of and compiles ~20 modules (plus `js-yaml`) at every run, about
// 0.3 s of CPU — a fifth of a 1M-row ingest. Node's compile cache (OS temp folder, keyed by file
// contents, so an edited file is simply recompiled) makes later runs reuse that work. It must be
// on before the modules load, hence the dynamic imports below. NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
module.enableCompileCache?.();
const { ingestWithStore } = await import('../src/sharelog/store/run.ts');
const { defaultCacheDir } = await import('../src/sharelog/store/paths.ts');
const { loadKey } = await import('../src/sharelog/pseudonym.ts');
const { openRejectsFile, serialize } = await import('../src/sharelog/output.ts');
const { loadProgramme } = await import('../src/sharelog/programme.ts');
const { parseYaml } = await import('../src/model/yaml.ts');
const { describeBreak, InputError, listInputs, UnsupportedInput } = await import('../src/sharelog/read.ts');
const { createZone, parseDay } = await import('../src/sharelog/timestamp.ts');

const HELP = `Usage: npm run dashboards -- [options]

Reads share logs and writes the aggregates the dashboards are built from.

Options:
  --in PATH        A log file or a folder (every *.csv, *.tsv, *.jsonl, *.ndjson, *.log under it,
                   also rotated and gzipped: access.log.1, access.log.2.gz, *.csv.gz, ...).
                   Analytics exports (Matomo visits as JSON or CSV, its Campaigns report,
                   Plausible CSV, GA4 report/exploration CSV, GA4 BigQuery rows as JSON Lines)
                   are recognised from their header; see docs/sharelog.md.
                   Repeatable. Default: $RELAIS_SHARE_LOGS if set (the production logs;
                   see docs/deploy.md), else the sample logs in content/logs/
  --out FILE       Output JSON. Default: .relais/dashboards.json (read by the site build)
  --rejects FILE   Also write rejected rows as CSV: file,line,reason,raw (reads every file
                   again: rejects hold raw rows, so the cache never keeps them)
  --tz ZONE        IANA time zone for timestamps without offset and for days/weeks.
                   Default: Europe/Paris
  --k N            Teams with fewer than N active ambassadors are not named.
                   Default: minGroupSize in <content>/settings/programme.yaml, else 5
  --from DAY       Ignore (count as outOfRange) events before DAY (YYYY-MM-DD, in --tz)
  --to DAY         Ignore events after DAY (inclusive)
  --content DIR    Content folder with challenges, cards and the leaderboard opt-in list.
                   Default: content
  --cache DIR      The share-log store kept between builds: only new files, or the tail
                   appended to a file, are read again. Default: $RELAIS_SHARELOG_CACHE if set,
                   else .relais/sharelog-cache (keep it in CI's cache; see docs/sharelog.md)
  --full           Ignore what the cache holds and read every log again (it is rewritten)
  --strict         Exit with status 1 when any row was rejected or any archive was broken
  --export-parquet DIR
                   Also write the accepted events as Parquet for a warehouse (DIR/events/
                   week=YYYY-Www/, ambassadors pseudonymised) and the tables the SQL in
                   src/sharelog/sql/ needs. Key: $RELAIS_SHARELOG_KEY, else a key file in
                   $RELAIS_SHARELOG_CACHE (default .relais/sharelog-cache)
  --from-aggregates FILE
                   Read no log: build --out from the result of src/sharelog/sql/*.sql
                   (.csv with a header, or .jsonl), as computed by a warehouse
  --quiet          No progress or summary on stderr
  -h, --help       Show this help

Inputs: CSV (header row, "," or ";", aliases such as date/ambassadeur/équipe/réseau/contenu/
événement), JSON Lines (one object per line), access logs in nginx/Apache combined format
(GET 2xx/3xx on /partager/<content>/<network>/; every other line is ignored).
Any of them may be gzipped (recognised by its first bytes) and carry logrotate's number
(.1, .2.gz): the kind is the extension before those. Several servers' folders, or rotations
that overlap, may hold the same line twice: it counts once (the duplicate rule).
A truncated or corrupt .gz is reported with the byte where it broke; its rows before the
break count. See docs/sharelog.md for the rules and the output format.

Exit status: 0 done (also with rejected rows or a broken archive), 1 rows rejected or an
archive broken under --strict, 2 unusable arguments, 3 unreadable input or unwritable output.`;

class UsageError extends Error {}

/**
 * The programme's minimum group size: the dashboards must hide the same groups the settings
 * promise to hide, so `--k` follows the settings unless given.
 */
function settingsMinGroupSize(contentDir: string): number | undefined {
  const file = join(contentDir, 'settings/programme.yaml');
  if (!existsSync(file)) return undefined;
  const value = (parseYaml(readFileSync(file, 'utf8')) as { minGroupSize?: unknown } | null)?.minGroupSize;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function options(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        in: { type: 'string', multiple: true },
        out: { type: 'string', default: '.relais/dashboards.json' },
        rejects: { type: 'string' },
        tz: { type: 'string', default: 'Europe/Paris' },
        k: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        content: { type: 'string', default: 'content' },
        cache: { type: 'string' },
        full: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'export-parquet': { type: 'string' },
        'from-aggregates': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  let zone: Zone;
  try {
    zone = createZone(v.tz);
  } catch {
    throw new UsageError(`--tz ${v.tz}: unknown time zone (expected an IANA name such as Europe/Paris)`);
  }
  const kText = v.k ?? String(settingsMinGroupSize(v.content) ?? 5);
  const k = Number(kText);
  if (!/^\d+$/.test(kText) || k < 1) throw new UsageError(`--k ${kText}: expected a whole number >= 1`);
  const day = (name: 'from' | 'to') => {
    const value = v[name];
    if (value === undefined) return undefined;
    const d = parseDay(value);
    if (Number.isNaN(d)) throw new UsageError(`--${name} ${value}: expected a date YYYY-MM-DD`);
    return d;
  };
  const from = day('from');
  const to = day('to');
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`--from ${v.from} is after --to ${v.to}`);
  }
  for (const name of ['out', 'rejects', 'content', 'cache', 'export-parquet', 'from-aggregates'] as const) {
    if (v[name] === '') throw new UsageError(`--${name}: empty value`);
  }
  if (v['from-aggregates'] !== undefined) {
    const logOnly = (['in', 'rejects', 'from', 'to', 'export-parquet', 'cache'] as const).find(
      (n) => v[n] !== undefined,
    );
    if (logOnly) throw new UsageError(`--from-aggregates reads no log: --${logOnly} cannot be used with it`);
  }
  const logs = process.env.RELAIS_SHARE_LOGS;
  return { ...v, in: v.in ?? [logs || 'content/logs/'], cache: v.cache ?? defaultCacheDir(), zone, k, from, to };
}

const number = (n: number) => n.toLocaleString('en-US');

/** The output with its `suggestions` before `ingest`, so the file's key order stays fixed. */
function withSuggestions(
  output: DashboardOutput,
  suggestions: NonNullable<DashboardOutput['suggestions']>,
): DashboardOutput {
  const { ingest, ...rest } = output;
  return { ...rest, suggestions, ingest };
}

/** Written through a temporary file, so the site build never reads a half-written JSON. */
async function writeOutput(out: string, output: Parameters<typeof serialize>[0]): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  await writeFile(temp, serialize(output));
  await rename(temp, out);
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let opts: ReturnType<typeof options>;
  try {
    opts = options(argv);
  } catch (error) {
    process.stderr.write(`dashboards: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const say = (text: string) => opts.quiet || process.stderr.write(`dashboards: ${text}\n`);
  try {
    const aggregates = opts['from-aggregates'];
    if (aggregates !== undefined) {
      const { dashboardsFromAggregates } = await import('../src/sharelog/aggregates.ts');
      await writeOutput(opts.out, await dashboardsFromAggregates(aggregates));
      say(`${aggregates} → ${opts.out}`);
      return 0;
    }
    const files = await listInputs(opts.in);
    if (files.length === 0) say(`warning: no .csv/.jsonl/.ndjson/.log file (or .gz) in ${opts.in.join(', ')}`);
    const programme = await loadProgramme(opts.content, opts.zone);
    for (const w of programme.warnings) say(`warning: ${w}`);
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const progress = !opts.quiet && (process.stderr.isTTY || bytes > 20 * 1024 * 1024);
    let rejects: ReturnType<typeof openRejectsFile> | undefined;
    if (opts.rejects) {
      await mkdir(dirname(opts.rejects), { recursive: true });
      rejects = openRejectsFile(opts.rejects);
    }
    const ingestOptions = {
      cacheDir: opts.cache,
      key: loadKey(opts.cache),
      full: opts.full,
      reread: rejects !== undefined,
      zone: opts.zone,
      k: opts.k,
      from: opts.from,
      to: opts.to,
      challenges: programme.challenges,
      optIn: programme.optIn,
      ...(programme.campaigns.size > 0 ? { campaigns: programme.campaigns } : {}),
      ...(rejects ? { onReject: rejects.write } : {}),
      ...(progress ? { onProgress: (rows: number) => say(`${number(rows)} rows…`) } : {}),
    };
    const exportDir = opts['export-parquet'];
    // Sent suggestions (/proposer/envoye/ visits): kept by the store's parts as the access-log
    // reader meets them, counted per week below and, with --export-parquet, exported for the
    // warehouse SQL (sql/suggestions.sql).
    const { suggestionsByWeek } = await import('../src/sharelog/suggestions.ts');
    let output: Awaited<ReturnType<typeof ingestWithStore>>['output'];
    let days: number[];
    if (exportDir === undefined) {
      const run = await ingestWithStore(files, ingestOptions);
      output = run.output;
      days = run.suggestionDays;
      const r = run.report;
      if (r.rebuilt) say(`cache ${opts.cache}: ${r.rebuilt}, building it`);
      say(
        `${r.filesRead} files read, ${r.tailsRead} read from where they grew, ${r.filesReused} unchanged; ` +
          `${r.weeksComputed} of ${r.weeks} weeks recomputed`,
      );
    } else {
      const { ingestAndExport } = await import('../src/sharelog/exportrun.ts');
      const exported = await ingestAndExport(files, ingestOptions, exportDir);
      output = exported.output;
      days = exported.suggestionDays;
      say(`${number(exported.events)} events in ${exported.weeks} weeks → ${exportDir}`);
    }
    rejects?.close();
    const sent = suggestionsByWeek(days, output.period);
    if (sent.some((w) => w.suggestions > 0)) output = withSuggestions(output, sent);
    await writeOutput(opts.out, output);
    const i = output.ingest;
    const broken = i.brokenArchives ?? [];
    for (const b of broken) say(`warning: ${describeBreak(b)}`);
    for (const u of i.unknownCampaigns ?? [])
      say(
        `warning: campaign ${u.campaign} is no card of ${opts.content} (nor an old slug): ${number(u.visits)} visits left out`,
      );
    const archives = broken.length === 1 ? '1 broken archive' : `${broken.length} broken archives`;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    say(
      `${i.files} files${broken.length > 0 ? ` (${archives})` : ''}, ${number(i.rows)} rows: ` +
        `${number(i.accepted)} accepted, ${number(i.rejected)} rejected, ${number(i.duplicates)} duplicates, ` +
        `${number(i.outOfRange)} out of range → ${opts.out} (${seconds} s)`,
    );
    if (opts.strict && (i.rejected > 0 || broken.length > 0)) {
      const problems = [
        ...(i.rejected > 0 ? [`${number(i.rejected)} rows rejected`] : []),
        ...(broken.length > 0 ? [archives] : []),
      ];
      process.stderr.write(`dashboards: --strict: ${problems.join(', ')}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message = error instanceof InputError ? e.message : `${e.path ?? ''} ${e.code ?? ''} ${e.message}`;
    process.stderr.write(`dashboards: ${message.trim()}\n`);
    return error instanceof UnsupportedInput ? 2 : 3;
  }
}

process.exitCode = await main(process.argv.slice(2));
