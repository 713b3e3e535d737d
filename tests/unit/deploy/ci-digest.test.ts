import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (f: string) =>
  parse(readFileSync(fileURLToPath(new URL(`../../../deploy/ci/${f}`, import.meta.url)), 'utf8'));

describe('CI examples for the weekly digest', () => {
  it('GitHub Actions: every Monday, sends with secrets from the environment and keeps the sent record', () => {
    const wf = read('github-digest.yml');
    expect(wf.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
    const steps = wf.jobs.digest.steps as { run?: string; env?: Record<string, string>; with?: { path?: string } }[];
    const send = steps.find((s) => s.run?.startsWith('npm run digest --'));
    expect(send?.run).toMatch(/--send/);
    expect(send?.env).toEqual({
      // GitHub Actions expressions, not JavaScript templates.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
      RELAIS_SMTP_PASSWORD: '${{ secrets.RELAIS_SMTP_PASSWORD }}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
      RELAIS_DIGEST_WEBHOOK: '${{ secrets.RELAIS_DIGEST_WEBHOOK }}',
    });
    const cache = steps.findIndex((s) => s.with?.path === '.relais/digest-sent.json');
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(steps.indexOf(send as never));
    expect(steps.findIndex((s) => s.run === 'npm run dashboards')).toBeLessThan(steps.indexOf(send as never));
  });

  it('GitLab: a scheduled job only, with the sent record cached', () => {
    const { digest } = read('gitlab-digest.yml');
    expect(digest.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule" && $RELAIS_JOB == "digest"' }]);
    expect(digest.cache.paths).toEqual(['.relais/digest-sent.json']);
    expect(digest.script.at(-1)).toMatch(/^npm run digest -- --out digest --send/);
  });

  it('the scripts they call exist', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8'));
    expect(pkg.scripts.digest).toBe('node scripts/digest.ts');
    expect(pkg.scripts.dashboards).toBeDefined();
  });
});
