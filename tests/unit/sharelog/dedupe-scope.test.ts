/**
 * The store deduplicates within each ISO week (store/week.ts). This checks that it is the global
 * dedupe on every test set: an independent count, global and exact (event ids as strings, the
 * composite key as text), over the events the readers validate, must give the same accepted and
 * duplicate counts and the same weekly shares. It also shows the one case where they differ.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessLogSource } from '../../../src/sharelog/accesslog.ts';
import { csvSource } from '../../../src/sharelog/csvsource.ts';
import { ingestFiles } from '../../../src/sharelog/ingest.ts';
import { createDictionaries } from '../../../src/sharelog/intern.ts';
import { jsonlSource } from '../../../src/sharelog/jsonl.ts';
import { normalize } from '../../../src/sharelog/normalize.ts';
import { listInputs, readInput } from '../../../src/sharelog/read.ts';
import { isoWeek, mondayOf } from '../../../src/sharelog/timestamp.ts';
import { emptyEvent, type RowSink, type ShareEvent } from '../../../src/sharelog/types.ts';
import { csv, paris, run } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = { csv: csvSource, jsonl: jsonlSource, log: accessLogSource };
const temp = mkdtempSync(join(tmpdir(), 'relais-dedupe-scope-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Global first-occurrence dedupe over all files, in input order. */
async function globalCounts(paths: string[]) {
  const dicts = createDictionaries();
  const seen = new Set<string>();
  const weeks = new Map<string, number>();
  let accepted = 0;
  let duplicates = 0;
  const ev = emptyEvent();
  const take = (e: ShareEvent, id: string) => {
    const key =
      id !== ''
        ? `id:${id}`
        : `k:${Math.floor(e.ms / 1000)}|${e.ambassador}|${e.content}|${dicts.variants.names[e.variantId]}|${e.network}|${e.event}`;
    if (seen.has(key)) return void duplicates++;
    seen.add(key);
    accepted++;
    const week = isoWeek(mondayOf(e.day));
    if (e.event === 0) weeks.set(week, (weeks.get(week) ?? 0) + 1);
  };
  const sink: RowSink = {
    zone: paris,
    dicts,
    reject() {},
    row(row) {
      if (normalize(row, paris, dicts, ev) === null) take(ev, row.eventId.trim());
    },
    event: (e, key, start, end) => take(e, Buffer.from(key.subarray(start, end)).toString('utf8')),
    campaign: (name) => name,
    unknownCampaign() {},
  };
  for (const file of await listInputs(paths)) {
    const source = SOURCES[file.kind](file.name, sink);
    for await (const chunk of readInput(file)) source.push(chunk);
    source.end();
  }
  return { accepted, duplicates, weeks };
}

async function compare(paths: string[]) {
  const reference = await globalCounts(paths);
  const output = await ingestFiles(await listInputs(paths), { zone: paris });
  expect(output.ingest.accepted).toBe(reference.accepted);
  expect(output.ingest.duplicates).toBe(reference.duplicates);
  expect(Object.fromEntries(output.byWeek.filter((w) => w.shares > 0).map((w) => [w.week, w.shares]))).toEqual(
    Object.fromEntries([...reference.weeks].sort()),
  );
  return reference;
}

describe('week-scoped dedupe', () => {
  it('equals the global dedupe on the sample logs and the fixtures', async () => {
    expect((await compare([join(ROOT, 'content/logs')])).duplicates).toBeGreaterThan(0);
    await compare([join(ROOT, 'tests/fixtures/sharelog/logs')]);
  });

  it('equals it on a generated set with 2% duplicates, across CSV, JSON Lines and access logs', async () => {
    for (const [format, seed] of [
      ['csv', 5],
      ['jsonl', 6],
      ['log', 7],
    ] as const) {
      const out = join(temp, `gen.${format}`);
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'scripts/generate-logs.ts'),
          '--seed',
          String(seed),
          '--rows',
          '40000',
          '--format',
          format,
          '--out',
          out,
          '--duplicate-rate',
          '0.02',
        ],
        { cwd: ROOT },
      );
    }
    const { duplicates } = await compare([temp]);
    expect(duplicates).toBeGreaterThan(1000);
  }, 60_000);

  it('differs only for one event id reused in two weeks, which the store counts twice', async () => {
    const rows = [
      ['2026-03-02T10:00:00Z', 'a@x.fr', 'T', 'li', 'c', 'share', '', 'same-id'],
      ['2026-03-12T10:00:00Z', 'a@x.fr', 'T', 'li', 'c', 'share', '', 'same-id'],
    ];
    const { output } = await run([['a.csv', csv(rows)]]);
    expect(output.ingest.accepted).toBe(2); // the global rule would keep 1
  });
});
