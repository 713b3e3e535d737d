import { describe, expect, it } from 'vitest';
import { activeRate, looksLikeIdentifier, visibleTeams } from '../../../src/components/dashboards/privacy.ts';
import { formatNumber } from '../../../src/i18n/format.ts';

describe('k-anonymity filter (defence in depth)', () => {
  const teams = [
    { team: 'Ventes', shares: 40, activeAmbassadors: 12 },
    { team: 'Direction', shares: 30, activeAmbassadors: 4 },
    { team: 'IT', shares: 20, activeAmbassadors: 5 },
    { team: 'chef.equipe@exemple.fr', shares: 10, activeAmbassadors: 9 },
    { team: '  ', shares: 5, activeAmbassadors: 7 },
  ];

  it('keeps teams with at least k active ambassadors, in order', () => {
    expect(visibleTeams(teams, 5).map((t) => t.team)).toEqual(['Ventes', 'IT']);
    expect(visibleTeams(teams, 10).map((t) => t.team)).toEqual(['Ventes']);
    expect(visibleTeams(teams, 2).map((t) => t.team)).toEqual(['Ventes', 'Direction', 'IT']);
  });

  it('never names a team that looks like an identifier, whatever its size', () => {
    expect(looksLikeIdentifier('chef.equipe@exemple.fr')).toBe(true);
    expect(looksLikeIdentifier('@jdupont')).toBe(true);
    expect(looksLikeIdentifier('Ventes, export')).toBe(false);
    expect(visibleTeams(teams, 1).map((t) => t.team)).not.toContain('chef.equipe@exemple.fr');
  });
});

describe('active-ambassador rate', () => {
  it('is active ambassadors over headcount', () => {
    expect(activeRate(210, 1200)).toBe(0.175);
    expect(activeRate(0, 1200)).toBe(0);
  });

  it('is unknown without a usable headcount', () => {
    expect(activeRate(10, 0)).toBeNull();
    expect(activeRate(10, undefined)).toBeNull();
    expect(activeRate(10, -5)).toBeNull();
  });

  it('is not capped: above 100 % says the headcount is stale', () => {
    expect(activeRate(130, 100)).toBe(1.3);
  });

  it('reads as an Intl percentage in each locale', () => {
    const rate = activeRate(210, 1200) ?? Number.NaN;
    expect(formatNumber(rate, 'fr', { style: 'percent', maximumFractionDigits: 1 })).toBe('17,5\u00a0%');
    expect(formatNumber(rate, 'en', { style: 'percent', maximumFractionDigits: 1 })).toBe('17.5%');
  });
});
