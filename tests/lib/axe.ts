import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** axe's source, evaluated through DevTools: the pages' CSP rightly refuses an injected script. */
const axeSource = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it stands, enhancements included.
 * Returns the serious and critical violations as `rule: help → targets`, the minor ones, and
 * how many checks passed (a real page passes dozens: a handful means axe saw an error page).
 */
export async function axeReport(page: Page): Promise<{ serious: string[]; minor: string[]; passes: number }> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<AxeResult> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    // Only plain data crosses back from the page.
    return {
      passes: r.passes.map(() => 0),
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      })),
    };
  });
  const describe = (v: AxeResult['violations'][number]) =>
    `${v.id}: ${v.help} → ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(', ')}`;
  const isSerious = (v: AxeResult['violations'][number]) => v.impact === 'serious' || v.impact === 'critical';
  return {
    serious: result.violations.filter(isSerious).map(describe),
    minor: result.violations.filter((v) => !isSerious(v)).map(describe),
    passes: result.passes.length,
  };
}
