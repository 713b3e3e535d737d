/**
 * Writes a scaled programme (by default 1,000 cards, 300 capsules, 100 events, ten times the
 * sample's other entries, ~40% translated into English) made from the sample content, for the
 * benchmarks (`npm run bench`) and for trying the hub at size. Run with --help.
 * Exit codes: 0 written and valid, 1 written but the content model reports problems,
 * 2 bad arguments, 3 unreadable sample or unwritable output.
 */
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblems } from '../src/model/errors.ts';
import { loadContent } from '../src/model/load.ts';
import { type Counts, defaultCounts, generateProgramme } from './lib/programme/generate.ts';
import { readSample } from './lib/programme/sample.ts';
import { OutputError, writeProgramme } from './lib/programme/write.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const HELP = `Usage: node scripts/generate-programme.ts --out DIR [options]

Writes a scaled programme into DIR (<collection>/<locale>/<slug>.md and settings/), made of the
sample content's entries and sentences, then validates it with the content model. Build the
hub from it with RELAIS_CONTENT=DIR (a folder relative to the project root, or absolute).

Options:
  --out DIR           Output folder (required). Never the project's content/ folder.
  --seed N            Random seed; the same seed gives the same files. Default: 1
  --cards N           Share cards (French). Default: ${defaultCounts.cards}
  --capsules N        Training capsules. Default: ${defaultCounts.capsules}
  --events N          Agenda events. Default: ${defaultCounts.events}
  --paths N           Learning paths. Default: ${defaultCounts.paths}
  --guidelines N      Charter pages. Default: ${defaultCounts.guidelines}
  --testimonials N    Testimonials. Default: ${defaultCounts.testimonials}
  --challenges N      Challenges. Default: ${defaultCounts.challenges}
  --english R         Share of generated entries also written in English (0..1). Default: 0.4
  --from DIR          Sample content to copy from. Default: content
  --force             Replace DIR if it holds a programme generated before
  --quiet             Print nothing but errors
  -h, --help          Show this help

The sample's own entries come first (with their translations), so the committed share logs
still match; copies follow, with new slugs (<sample-slug>-0042), short codes (cap-42, par-7,
evt-3), shifted dates and references drawn among the generated entries.

Exit status: 0 written and valid, 1 written but invalid (problems listed), 2 bad arguments,
3 unreadable sample or unwritable output.`;

class UsageError extends Error {}

const countNames = Object.keys(defaultCounts) as (keyof Counts)[];

function options(argv: string[]) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        english: { type: 'string', default: '0.4' },
        from: { type: 'string', default: 'content' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...Object.fromEntries(countNames.map((n) => [n, { type: 'string' as const }])),
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const whole = (name: string, value: string, min: number) => {
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new UsageError(`--${name} ${value}: expected a whole number >= ${min}`);
    return Number(value);
  };
  const counts = { ...defaultCounts };
  for (const n of countNames) {
    const v = values[n];
    if (typeof v === 'string') counts[n] = whole(n, v, 1);
  }
  const english = Number(values.english);
  if (!(english >= 0 && english <= 1))
    throw new UsageError(`--english ${values.english}: expected a number from 0 to 1`);
  if (!values.help && typeof values.out !== 'string') throw new UsageError('--out DIR is required');
  return {
    help: values.help === true,
    quiet: values.quiet === true,
    force: values.force === true,
    out: String(values.out ?? ''),
    from: String(values.from),
    seed: whole('seed', String(values.seed), 0),
    english,
    counts,
  };
}

function main(argv: string[]): number {
  let opts: ReturnType<typeof options>;
  try {
    opts = options(argv);
  } catch (error) {
    process.stderr.write(`generate-programme: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const started = performance.now();
  const out = resolve(opts.out);
  try {
    const sample = readSample(resolve(opts.from));
    const files = generateProgramme(sample, { counts: opts.counts, seed: opts.seed, english: opts.english });
    writeProgramme(files, out, {
      force: opts.force,
      protect: [resolve(opts.from), resolve(ROOT, 'content')],
      note: `seed ${opts.seed}, ${JSON.stringify(opts.counts)}, english ${opts.english}`,
    });
  } catch (error) {
    const message = error instanceof OutputError ? error.message : `${(error as Error).message}`;
    process.stderr.write(`generate-programme: ${message}\n`);
    return error instanceof OutputError ? 2 : 3;
  }
  const { entries, problems } = loadContent(dirname(out), basename(out));
  if (problems.length) {
    process.stderr.write(
      `${formatProblems(problems)}\n\ngenerate-programme: ${problems.length} problem(s) in ${out}\n`,
    );
    return 1;
  }
  if (!opts.quiet) {
    const by = (locale: string) => entries.filter((e) => e.locale === locale).length;
    process.stdout.write(
      `generate-programme: ${entries.length} valid entries (${by('fr')} fr, ${by('en')} en) in ${out} ` +
        `(${Math.round(performance.now() - started)} ms)\n`,
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
