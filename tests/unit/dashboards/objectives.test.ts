import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePilot, type ObjectiveData, objectiveProgress, slope } from '../../../src/lib/objectives.ts';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { objectivesSchema } from '../../../src/model/schemas/objectives.ts';
import { writeProgramme } from '../../lib/content-fixture.ts';

/** Ten weeks from 2026-W10 (Monday 2 March): shares 10, 12, …, 28; active 5, 6, …, 14. */
const data: ObjectiveData = {
  byWeek: Array.from({ length: 10 }, (_, i) => ({
    week: `2026-W${String(10 + i).padStart(2, '0')}`,
    shares: 10 + 2 * i,
    clicks: 0,
    activeAmbassadors: 5 + i,
  })),
  byTeam: [
    { team: 'Ventes', shares: 80, activeAmbassadors: 12 },
    { team: 'IT', shares: 40, activeAmbassadors: 6 },
    { team: 'RH', shares: 20, activeAmbassadors: 5 },
  ],
  totals: { shares: 190, clicks: 0, reactions: 0, comments: 0, activeAmbassadors: 30 },
};

const settings = (objectives: unknown[], extra: Record<string, unknown> = {}) =>
  objectivesSchema.parse({ teams: ['Ventes', 'IT', 'RH', 'Support'], window: 2, objectives, ...extra });

const sharesObjective = {
  id: 'partages',
  title: 'Quarante partages',
  metric: 'shares',
  target: 40,
  deadline: '2026-07-27',
  baseline: { from: '2026-03-02', to: '2026-03-15' },
};

describe('objective progress', () => {
  it('computes baseline, current value, trend and projection from the weekly aggregates', () => {
    const [p] = objectiveProgress(settings([sharesObjective]), data, { headcount: 1000, k: 5 });
    expect(p?.baseline).toBe(11); // W10, W11
    expect(p?.current).toBe(27); // mean of the last 2 weeks: 26, 28
    expect(p?.trend).toBeCloseTo(2, 10);
    // Last week W19 starts 2026-05-04; the deadline is 12 weeks later: 27 + 2 × 12.
    expect(p?.projected).toBeCloseTo(51, 10);
    expect(p?.onTrack).toBe(true);
    expect(p?.weeks.map((w) => w.week)[0]).toBe('2026-W10');
  });

  it('is off track when the trend does not reach the target by the deadline', () => {
    const [p] = objectiveProgress(settings([{ ...sharesObjective, target: 60 }]), data, { headcount: 1000, k: 5 });
    expect(p?.onTrack).toBe(false);
  });

  it('measures the active rate as a percentage of the headcount', () => {
    const [p] = objectiveProgress(settings([{ ...sharesObjective, metric: 'activeRate', target: 2 }]), data, {
      headcount: 1000,
      k: 5,
    });
    expect(p?.baseline).toBeCloseTo(0.55, 10); // (5 + 6) / 2 / 1000 × 100
    expect(p?.current).toBeCloseTo(1.35, 10);
  });

  it('says a metric is not measured when the logs do not hold it', () => {
    const [clicks, training] = objectiveProgress(
      settings([
        { ...sharesObjective, id: 'c', metric: 'clicks' },
        { ...sharesObjective, id: 't', metric: 'trainingCompletions' },
      ]),
      data,
      { headcount: 1000, k: 5 },
    );
    expect(clicks?.measured).toBe(false);
    expect(training?.measured).toBe(false);
    expect(clicks?.current).toBeNull();
  });

  it('fits a least-squares slope', () => {
    expect(slope([1, 3, 5, 7])).toBeCloseTo(2, 10);
    expect(slope([4])).toBeNull();
  });
});

describe('pilot vs rest under k-anonymity', () => {
  it('shows both groups when each has at least k active ambassadors, and they add up to the totals', () => {
    const c = comparePilot(data, ['Ventes'], 5);
    expect(c).toEqual({
      shown: true,
      pilot: { shares: 80, activeAmbassadors: 12 },
      rest: { shares: 110, activeAmbassadors: 18 },
    });
  });

  it('hides both when the rest is under k, since totals minus the pilot would give it away', () => {
    // Pilot: 12 + 6 + 5 = 23 of 30; the rest, 7, is under k = 8.
    expect(comparePilot(data, ['Ventes', 'IT', 'RH'], 8)).toEqual({ shown: false, reason: 'unknown-team' });
    const small = { ...data, totals: { ...data.totals, activeAmbassadors: 26 } };
    const c = comparePilot(small, ['Ventes', 'IT', 'RH'], 5);
    expect(c).toEqual({ shown: false, reason: 'small-group' });
    // Nothing of either group is left to subtract from the published totals.
    expect(JSON.stringify(c)).not.toMatch(/\d/);
  });

  it('hides both when the pilot is under k', () => {
    expect(comparePilot(data, ['RH'], 6)).toEqual({ shown: false, reason: 'unknown-team' });
  });

  it('hides both when a pilot team is missing from the aggregates (dropped by the ingest under k)', () => {
    expect(comparePilot(data, ['Ventes', 'Support'], 5)).toEqual({ shown: false, reason: 'unknown-team' });
  });
});

describe('objectives.yaml bad input', () => {
  const write = (objectives: unknown, teams = ['Ventes', 'IT']) => {
    const root = writeProgramme();
    writeFileSync(`${root}/content/settings/objectives.yaml`, JSON.stringify({ teams, objectives }));
    return root;
  };
  const now = new Date('2026-06-01T10:00:00Z');

  it('names the file and field of an unknown metric', () => {
    const root = write([{ ...sharesObjective, metric: 'likes' }]);
    expect(formatProblems(loadContent(root, 'content', undefined, { now: new Date('2026-03-01') }).problems)).toBe(
      'content/settings/objectives.yaml: **objectives.0.metric**: attendu l’une des valeurs "activeRate", "shares", "clicks", "trainingCompletions"',
    );
  });

  it('names the file and field of an unknown pilot team', () => {
    const root = write([{ ...sharesObjective, pilot: { teams: ['Ventes', 'Compta'] } }]);
    expect(formatProblems(loadContent(root, 'content', undefined, { now: new Date('2026-03-01') }).problems)).toBe(
      'content/settings/objectives.yaml: **objectives.0.pilot.teams.1**: équipe inconnue « Compta » (attendu l’une des équipes de « teams » : Ventes, IT)',
    );
  });

  it('warns, naming the file and field, of a deadline in the past (without stopping the build)', () => {
    const root = write([{ ...sharesObjective, deadline: '2026-05-31' }]);
    const { problems, warnings } = loadContent(root, 'content', undefined, { now });
    expect(problems).toEqual([]);
    expect(formatProblems(warnings)).toBe(
      'content/settings/objectives.yaml: **objectives.0.deadline**: échéance passée (2026-05-31, avant le 2026-06-01) : repoussez-la ou retirez l’objectif « partages »',
    );
  });

  it('warns, naming the file and field, of a target already reached during the baseline', () => {
    const root = write([{ ...sharesObjective, target: 11 }]);
    expect(formatProblems(loadContent(root, 'content', undefined, { now, dashboards: data }).warnings)).toBe(
      'content/settings/objectives.yaml: **objectives.0.target**: cible déjà atteinte pendant la référence (moyenne 11 ≥ cible 11) : visez plus haut que la référence',
    );
    expect(loadContent(root, 'content', undefined, { now }).warnings).toEqual([]);
  });

  it('names a deadline before the baseline ends', () => {
    const root = write([{ ...sharesObjective, deadline: '2026-03-10' }]);
    const problems = loadContent(root, 'content', undefined, { now: new Date('2026-03-01') }).problems;
    expect(formatProblems(problems)).toBe(
      'content/settings/objectives.yaml: **objectives.0.deadline**: doit suivre la fin de la période de référence',
    );
  });

  it('accepts the sample objectives against the sample period', () => {
    const { problems } = loadContent(process.cwd(), 'content', undefined, { now: new Date('2026-11-22') });
    expect(problems).toEqual([]);
  });
});
