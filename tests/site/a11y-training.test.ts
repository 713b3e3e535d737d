import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedContext, launch } from '../lib/browser.ts';
import { serve } from '../lib/server.ts';

/**
 * axe-core on every page type of the training issue, in both locales and both colour schemes,
 * with the progressive enhancements running (buttons shown, progress rendered). Serious and
 * critical violations fail; the rest is printed for the record.
 */
const axePath = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const pageTypes = [
  'capsules/',
  'capsules/charte-en-5-minutes/',
  'capsules/premier-partage/',
  'parcours/',
  'parcours/premiers-pas/',
  'charte/',
  'charte/volontariat/',
  'charte/imprimer/',
  'temoignages/',
  'temoignages/aurelie-perrin/',
  'agenda/',
  'agenda/web-cafe-commentaires/',
  'formateurs/',
  'presentation/capsule/charte-en-5-minutes/',
  'presentation/parcours/premiers-pas/',
  'presentation/agenda/web-cafe-commentaires/',
];
const cases = ['', 'en/'].flatMap((prefix) =>
  (['light', 'dark'] as const).flatMap((scheme) => pageTypes.map((p) => [`${prefix}${p}`, scheme] as const)),
);

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('axe-core: no serious or critical violation', () => {
  it.each(cases)('%s (%s)', async (path, colorScheme) => {
    const { context, foreign } = await isolatedContext(browser, new URL(server.url).origin, {
      viewport: { width: 390, height: 844 },
      colorScheme,
      // The pages carry a strict CSP (hashed scripts only); axe is injected by the test, not the site.
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.addScriptTag({ path: axePath });
    const { violations, passes } = await page.evaluate(async () => {
      type Result = { violations: AxeViolation[]; passes: unknown[] };
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<Result> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
      return {
        passes: result.passes.length,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        })),
      };
    });
    // axe really ran on a real page (not an error page or an empty document).
    expect(passes).toBeGreaterThan(5);
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !blocking.includes(v));
    if (minor.length)
      console.info(
        path,
        colorScheme,
        minor.map((v) => `${v.impact} ${v.id}`),
      );
    expect(
      blocking.map(
        (v) =>
          `${v.id}: ${v.help} → ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      ),
    ).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
