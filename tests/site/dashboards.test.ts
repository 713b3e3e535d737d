import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readObjectives } from '../../src/components/dashboards/objectives.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import type { DashboardData } from '../../src/lib/dashboards.ts';
import { objectiveProgress } from '../../src/lib/objectives.ts';
import { loadContent } from '../../src/model/load.ts';
import { poissonRateInterval } from '../../src/stats/poisson.ts';
import { isolatedContext } from '../lib/browser.ts';
import { pageJs } from '../lib/js-weight.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { useBrowserSite } from '../lib/site.ts';
import { filesUnder } from '../lib/site-files.ts';
import { parseCsv } from '../unit/dashboards/parse-csv.ts';

/**
 * The dashboard pages of the shared test build, against the aggregates that build read
 * (`npm run build` writes `.relais/dashboards.json` from the sample logs first): figures,
 * tables, CSV files, where Chart.js is shipped and how much, and the charts in Chromium.
 */
const source = JSON.parse(readFileSync(join(root, '.relais/dashboards.json'), 'utf8')) as DashboardData;
const settings = parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')) as {
  headcount: number;
  minGroupSize?: number;
};
const k = settings.minGroupSize ?? 5;
/** settings.minVariantShares: the sample sets none, so the schema's default. */
const minShares =
  (parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')) as { minVariantShares?: number })
    .minVariantShares ?? 30;
const catalogue = new Set(
  loadContent(root)
    .entries.filter((e) => e.collection === 'cards' && e.locale === 'fr' && !(e.data as { draft?: boolean }).draft)
    .map((e) => e.slug),
);
const csv = (path: string) => parseCsv(readFileSync(join(testDist, path), 'utf8'));
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));
/** Bundled Chart.js, recognised by one of its error messages. */
const isChartJs = (file: string) => readFileSync(file, 'utf8').includes('Canvas is already in use');

describe('CSV downloads match the aggregates', () => {
  it('weeks: every ISO week, in order, with its figures (both locales)', () => {
    for (const prefix of ['', 'en/']) {
      const [head, ...rows] = csv(`${prefix}tableau-de-bord/semaines.csv`);
      expect(head).toHaveLength(5);
      expect(rows.map((r) => [r[0], Number(r[2]), Number(r[3]), Number(r[4])])).toEqual(
        source.byWeek.map((w) => [w.week, w.shares, w.activeAmbassadors, w.clicks]),
      );
    }
    expect(csv('tableau-de-bord/semaines.csv')[0]).toEqual([
      'Semaine ISO',
      'Semaine du',
      'Partages',
      'Ambassadeurs actifs',
      'Clics',
    ]);
    expect(csv('en/tableau-de-bord/semaines.csv')[0]?.[0]).toBe('ISO week');
  });

  it('networks, cards and teams: the same rows as the JSON, filtered as the page is', () => {
    expect(
      csv('tableau-de-bord/reseaux.csv')
        .slice(1)
        .map((r) => [Number(r[1]), Number(r[2])]),
    ).toEqual(source.byNetwork.map((n) => [n.shares, n.clicks]));
    const cards = source.byContent.filter((c) => catalogue.has(c.content)).slice(0, 10);
    expect(cards.length).toBeGreaterThan(0);
    expect(
      csv('tableau-de-bord/cartes.csv')
        .slice(1)
        .map((r) => [r[0], Number(r[2]), Number(r[3])]),
    ).toEqual(cards.map((c) => [c.content, c.shares, c.clicks]));
    const teams = source.byTeam.filter((t) => t.activeAmbassadors >= k);
    expect(csv('tableau-de-bord/equipes.csv').slice(1)).toEqual(
      teams.map((t) => [t.team, String(t.shares), String(t.activeAmbassadors)]),
    );
  });

  it('numbers are plain digits whatever the locale', () => {
    const en = csv('en/tableau-de-bord/reseaux.csv').slice(1);
    const fr = csv('tableau-de-bord/reseaux.csv').slice(1);
    for (const rows of [en, fr]) for (const r of rows) expect(r.slice(1).every((v) => /^\d+$/.test(v))).toBe(true);
    expect(fr.map((r) => r.slice(1))).toEqual(en.map((r) => r.slice(1)));
  });
});

describe('Chart.js ships with the dashboards only', () => {
  const htmlFiles = filesUnder(testDist, '.html');
  const dashboards = [
    'tableau-de-bord/index.html',
    'en/tableau-de-bord/index.html',
    'tableau-de-bord/objectifs/index.html',
    'en/tableau-de-bord/objectifs/index.html',
  ].map((f) => join(testDist, f));
  const cardPages = htmlFiles.filter((f) => /\/tableau-de-bord\/cartes\/[^/]+\/index\.html$/.test(f));

  it('is one tree-shaken chunk, loaded by the dashboard pages', () => {
    const chunks = filesUnder(testDist, '.js').filter(isChartJs);
    expect(chunks).toHaveLength(1);
    const chunk = readFileSync(chunks[0] as string, 'utf8');
    // Only the parts registered by draw.ts: no other chart type, plugin or `chart.js/auto`.
    for (const unused of ['doughnut', 'polarArea', 'radar', 'bubble', 'decimation', 'subtitle'])
      expect(chunk, unused).not.toMatch(new RegExp(`id=[\`"']${unused}[\`"']`));
    for (const page of [...dashboards, ...cardPages])
      expect([...pageJs(testDist, testBase, page).files.keys()].some(isChartJs)).toBe(true);
  });

  it('no other page loads it or the chart element', () => {
    const offenders = htmlFiles
      .filter((f) => !dashboards.includes(f) && !cardPages.includes(f))
      .filter((f) => {
        const scripts = [...pageJs(testDist, testBase, f).files.keys()];
        return scripts.some(isChartJs) || readFileSync(f, 'utf8').includes('relais-chart');
      });
    expect(offenders.map((f) => f.slice(testDist.length))).toEqual([]);
  });

  it('dashboard page JavaScript, dynamic chunk included, stays under 80 KB gzip', () => {
    for (const page of dashboards) {
      const files = [...pageJs(testDist, testBase, page).files.keys()];
      const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
      console.info(`${page.slice(testDist.length)}: ${files.length} JS files, ${(gzip / 1024).toFixed(1)} KB gzip`);
      expect(gzip).toBeLessThanOrEqual(80 * 1024);
    }
  });
});

const site = useBrowserSite();

async function open(path: string, options: Parameters<typeof isolatedContext>[2] = {}) {
  const { context, foreign } = await isolatedContext(site.browser, site.origin, {
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.svg')) errors.push(`${r.status()}: ${r.url()}`);
  });
  await page.goto(site.url + path);
  return { context, page, foreign, errors };
}

describe('the overview page', () => {
  it('shows the totals and the rate of the aggregates, and the privacy note (no JavaScript)', async () => {
    const { context, page } = await open('tableau-de-bord/', { javaScriptEnabled: false });
    for (const key of ['shares', 'clicks', 'reactions', 'comments', 'activeAmbassadors'] as const) {
      const name = key === 'activeAmbassadors' ? 'active' : key;
      expect(digits(await page.locator(`[data-total="${name}"] dd`).textContent()), key).toBe(source.totals[key]);
    }
    const rate = formatNumber(source.totals.activeAmbassadors / settings.headcount, 'fr', {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    expect(await page.locator('[data-total="rate"] dd').first().textContent()).toBe(rate);
    expect(await page.locator('.notice').textContent()).toContain(`moins de ${k} personnes`);
    expect(digits(await page.locator('[data-ingest="rows"] dd').textContent())).toBe(source.ingest.rows);
    expect(digits(await page.locator('[data-ingest="rejected"] dd').textContent())).toBe(source.ingest.rejected);
    // Which source produced the clicks (the sample logs hold the hub's clicks and three analytics reports).
    expect(source.clicksBySource.map((s) => s.source)).toEqual([
      'hub',
      'matomo-campaigns',
      'ga4-sessions',
      'plausible',
    ]);
    for (const s of source.clicksBySource) {
      expect(digits(await page.locator(`[data-click-source="${s.source}"] dd`).textContent()), s.source).toBe(s.clicks);
    }
    // Without JavaScript: tables only, no empty chart frame.
    expect(await page.locator('relais-chart:visible').count()).toBe(0);
    await context.close();
  });

  it('has five data tables with a caption, column and row headers', async () => {
    const { context, page } = await open('en/tableau-de-bord/', { javaScriptEnabled: false });
    const tables = await page.$$eval('table', (list) =>
      list.map((t) => ({
        caption: t.caption?.textContent?.trim() ?? '',
        cols: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild?.getAttribute('scope')),
      })),
    );
    expect(tables.map((t) => t.caption)).toEqual([
      'Week by week',
      'Clicks by network, week by week',
      'Shares by network',
      'Most shared cards',
      'Shares by team',
    ]);
    for (const t of tables) {
      expect(t.cols.every((s) => s === 'col')).toBe(true);
      expect(t.rows.length).toBeGreaterThan(0);
      expect(t.rows.every((s) => s === 'row')).toBe(true);
    }
    expect(tables[0]?.rows).toHaveLength(source.byWeek.length);
    // Top cards link to their figures pages (those with per-card figures: all of the sample's).
    const links = await page
      .locator('#cartes-caption')
      .locator('xpath=..')
      .locator('tbody a')
      .evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(links[0]).toMatch(new RegExp(`^${testBase}en/tableau-de-bord/cartes/[a-z0-9-]+/$`));
    await context.close();
  });

  it('draws every chart (non-blank canvas), with no console error and no foreign request', async () => {
    const { context, page, foreign, errors } = await open('tableau-de-bord/', { reducedMotion: 'reduce' });
    await page.waitForFunction(() => document.querySelectorAll('relais-chart:not([hidden]) canvas').length === 5);
    await page.waitForTimeout(300);
    const inked = await page.$$eval('relais-chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')?.getImageData(0, 0, c.width, c.height) ?? { data: [] };
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
        return { n, width: c.width };
      }),
    );
    for (const c of inked) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.n).toBeGreaterThan(1000);
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe('the objectives page', () => {
  const objectives = readObjectives(join(root, 'content'));
  const progress = objectiveProgress(objectives, source, { headcount: settings.headcount, k });

  it('shows each objective against its baseline, and its weeks as CSV (no JavaScript)', async () => {
    expect(progress.length).toBeGreaterThan(0);
    const { context, page } = await open('tableau-de-bord/objectifs/', { javaScriptEnabled: false });
    for (const p of progress) {
      const o = p.objective;
      const section = page.locator(`[data-objective="${o.id}"]`);
      expect(await section.locator('h2').textContent()).toBe(o.title);
      const status = p.onTrack === null ? 'unknown' : p.onTrack ? 'on-track' : 'off-track';
      expect(await section.locator('.status').getAttribute('data-status'), o.id).toBe(status);
      const fmt = (n: number) =>
        o.metric === 'activeRate'
          ? formatNumber(n / 100, 'fr', { style: 'percent', maximumFractionDigits: 2 })
          : formatNumber(n, 'fr', { maximumFractionDigits: 1 });
      expect(await section.locator('[data-figure="current"] dd').textContent()).toBe(fmt(p.current ?? Number.NaN));
      expect(await section.locator('[data-figure="baseline"] dd').textContent()).toBe(fmt(p.baseline ?? Number.NaN));
      expect(await section.locator('[data-figure="target"] dd').textContent()).toBe(fmt(o.target));
      // A target the baseline already met is said in words (the build warns of it too).
      const reached = p.baseline !== null && p.baseline >= o.target;
      expect(await section.locator('[data-reached-at-baseline]').count(), o.id).toBe(reached ? 1 : 0);
      const [, ...rows] = csv(`tableau-de-bord/objectif-${o.id}.csv`);
      expect(rows.map((r) => r[0])).toEqual(p.weeks.map((w) => w.week));
      expect(rows.map((r) => Number(r[2]))).toEqual(p.weeks.map((w) => Math.round(w.value * 100) / 100));
    }
    await context.close();
  });

  it('shows a pilot group beside the rest only when both reach k, adding up to the totals', async () => {
    const { context, page } = await open('en/tableau-de-bord/objectifs/', { javaScriptEnabled: false });
    const piloted = progress.filter((p) => p.objective.pilot);
    expect(piloted.length).toBeGreaterThan(0);
    for (const p of piloted) {
      const section = page.locator(`[data-objective="${p.objective.id}"]`);
      if (!p.pilot?.shown) {
        expect(await section.locator('[data-pilot-hidden]').count()).toBe(1);
        expect(await section.locator('table').count()).toBe(1);
        continue;
      }
      const [, pilot, rest] = csv(`en/tableau-de-bord/objectif-${p.objective.id}-pilote.csv`);
      expect(pilot?.[0]).toContain('Pilot group');
      expect(Number(pilot?.[1]) + Number(rest?.[1])).toBe(source.totals.shares);
      expect(Number(pilot?.[2]) + Number(rest?.[2])).toBe(source.totals.activeAmbassadors);
      expect(Math.min(Number(pilot?.[2]), Number(rest?.[2]))).toBeGreaterThanOrEqual(k);
    }
    await context.close();
  });
});

describe('challenge pages', () => {
  it('a personal challenge shows each one’s goal, the total and the opt-in leaderboard note', async () => {
    const { context, page, errors } = await open('defis/defi-dix-partages-hiver/');
    expect(await page.locator('h1').textContent()).toContain('dix partages');
    // A personal goal is each person's: no gauge summing everyone's shares against it.
    expect(await page.locator('progress').count()).toBe(0);
    expect(await page.getByText('Objectif : 10 partages chacun').count()).toBe(1);
    expect(await page.getByText('Seuls les ambassadeurs qui l’ont choisi y figurent').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Classement des volontaires' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a collective challenge has no leaderboard; the list links to every challenge', async () => {
    const { context, page } = await open('en/defis/objectif-hydrotech/');
    expect(await page.getByRole('heading', { name: /leaderboard/i }).count()).toBe(0);
    await page.goto(`${site.url}en/defis/`);
    const hrefs = await page.locator('main .grid a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(hrefs.sort()).toEqual([
      `${testBase}en/defis/defi-dix-partages-hiver/`,
      `${testBase}en/defis/objectif-hydrotech/`,
    ]);
    await context.close();
  });
});

/** Each card's wordings from the aggregates the build read (the sample logs), v1, v2… order. */
const variantsOf = (id: string) => wordingsOf(id).filter((v) => v.variant !== '');

/** A card's wordings: the share route's `2` (access log) and the analytics' `v2` added up. */
function wordingsOf(id: string) {
  const merged = new Map<string, { variant: string; shares: number; clicks: number }>();
  for (const v of source.byContentVariant ?? []) {
    if (v.content !== id) continue;
    const variant = /^\d+$/.test(v.variant) ? `v${v.variant}` : v.variant;
    const row = merged.get(variant) ?? { variant, shares: 0, clicks: 0 };
    row.shares += v.shares;
    row.clicks += v.clicks;
    merged.set(variant, row);
  }
  return [...merged.values()].sort((a, b) => Number(a.variant.slice(1)) - Number(b.variant.slice(1)));
}

/**
 * The verdict rule restated here on its own (docs/sharelog.md "Verdicts"): under the threshold,
 * none; else ahead when the interval lies above every other judged one, behind when some other
 * lies above it, level otherwise, alone with nothing to compare.
 */
function expectedStatus(id: string) {
  const judged = variantsOf(id).map((v) => ({
    ...v,
    ci: v.shares >= minShares ? poissonRateInterval(v.clicks, v.shares) : null,
  }));
  return judged.map((v) => {
    if (!v.ci) return { variant: v.variant, status: 'too-few', ci: null };
    const own = v.ci;
    const others = judged.flatMap((o) => (o !== v && o.ci ? [o.ci] : []));
    const status =
      others.length === 0
        ? 'alone'
        : others.every((o) => own.lower > o.upper)
          ? 'ahead'
          : others.some((o) => o.lower > own.upper)
            ? 'behind'
            : 'level';
    return { variant: v.variant, status, ci: own };
  });
}

describe('per-card pages for editors', () => {
  const cardIds = [...catalogue].filter((id) => (source.byContentVariant ?? []).some((v) => v.content === id));

  it('every card with figures has its page in both languages, with the CSV of its tables', () => {
    expect(cardIds.length).toBeGreaterThan(3);
    for (const id of cardIds) {
      for (const prefix of ['', 'en/']) {
        const [head, ...rows] = csv(`${prefix}tableau-de-bord/carte-${id}-variantes.csv`);
        expect(head).toHaveLength(5);
        const all = wordingsOf(id);
        expect(rows.map((r) => r[0]).sort()).toEqual(all.map((v) => v.variant).sort());
        for (const r of rows) {
          const v = all.find((x) => x.variant === r[0]);
          expect([Number(r[2]), Number(r[3])]).toEqual([v?.shares, v?.clicks]);
          expect(Number(r[4])).toBeCloseTo(v && v.shares > 0 ? v.clicks / v.shares : 0, 2);
        }
        // The wordings add up to the card's figures (no row withheld in the sample).
        const card = source.byContent.find((c) => c.content === id);
        expect(all.reduce((n, v) => n + v.shares, 0)).toBe(card?.shares);
        expect(all.reduce((n, v) => n + v.clicks, 0)).toBe(card?.clicks);
        const [, ...networks] = csv(`${prefix}tableau-de-bord/carte-${id}-reseaux.csv`);
        const byNetwork = (source.byContentNetwork ?? []).filter((n) => n.content === id);
        expect(networks.map((r) => Number(r[1])).reduce((a, b) => a + b, 0)).toBe(card?.shares);
        expect(networks).toHaveLength(byNetwork.length);
      }
    }
  });

  it('the sample shows verdicts (not "too few") for at least three cards, as the rule gives them', async () => {
    const judged = cardIds.filter((id) => expectedStatus(id).some((v) => v.status !== 'too-few'));
    expect(judged.length).toBeGreaterThanOrEqual(3);
    expect(cardIds.flatMap((id) => expectedStatus(id).map((v) => v.status))).toContain('ahead');
    const { context, page } = await open(`tableau-de-bord/cartes/${judged[0]}/`, { javaScriptEnabled: false });
    for (const id of cardIds) {
      for (const prefix of ['', 'en/']) {
        await page.goto(`${site.url}${prefix}tableau-de-bord/cartes/${id}/`);
        const shown = await page.locator('[data-verdicts] li').evaluateAll((li) =>
          li.map((x) => ({
            variant: x.getAttribute('data-variant'),
            status: x.getAttribute('data-status'),
            text: x.textContent ?? '',
          })),
        );
        const expected = expectedStatus(id);
        expect(
          shown.map((v) => [v.variant, v.status]),
          id,
        ).toEqual(expected.map((v) => [v.variant, v.status]));
        const locale = prefix ? 'en' : 'fr';
        const two = (x: number) => formatNumber(x, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expected.forEach((v, i) => {
          const text = shown[i]?.text ?? '';
          if (!v.ci) expect(text).toContain(locale === 'fr' ? 'Trop peu de partages' : 'Too few shares to tell');
          else {
            expect(text).toContain(two(v.ci.lower));
            expect(text).toContain(two(v.ci.upper));
          }
        });
      }
    }
    await context.close();
  });

  it('draws its charts with no console error, and links back to the card and the dashboard', async () => {
    const id = cardIds[0] as string;
    const { context, page, errors, foreign } = await open(`en/tableau-de-bord/cartes/${id}/`, {
      reducedMotion: 'reduce',
    });
    await page.waitForFunction(() => document.querySelectorAll('relais-chart:not([hidden]) canvas').length === 2);
    const hrefs = await page.locator('main a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(hrefs).toContain(`${testBase}en/cartes/${id}/`);
    expect(hrefs).toContain(`${testBase}en/tableau-de-bord/`);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe('reach over time', () => {
  it('weekly shares beside weekly clicks per network, as in the aggregates', () => {
    const [head, ...rows] = csv('tableau-de-bord/reseaux-semaines.csv');
    expect(rows.map((r) => r[0])).toEqual(source.byWeek.map((w) => w.week));
    expect(rows.map((r) => Number(r[2]))).toEqual(source.byWeek.map((w) => w.shares));
    const perWeek = source.byWeekNetwork ?? [];
    const clicks = perWeek.reduce((n, r) => n + r.clicks, 0);
    expect(clicks).toBe(source.totals.clicks);
    // Every click of the period is in one network column of one week.
    expect(rows.reduce((n, r) => n + r.slice(3).reduce((m, v) => m + Number(v), 0), 0)).toBe(clicks);
    expect(head?.[3]).toBe('Clics LinkedIn');
  });
});
