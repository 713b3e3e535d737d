/**
 * `<relais-chart data-kind="line|bar" data-axis="x|y" data-locale data-chart='{labels, series}'>`:
 * the behaviour of `ChartFigure.astro`. The data table next to it is the content; this element
 * only draws a picture of it. It starts hidden and shows itself once Chart.js is loaded, so a
 * visitor without JavaScript (or whose import fails) sees no empty frame, only the table.
 * Chart.js (about 50 KB gzip) sits in its own chunk, fetched by this `import()` on the
 * dashboard page and nowhere else.
 */
import type { ChartSpec } from './draw.ts';

/**
 * Resolves when the browser is idle. Each chart is drawn in its own task after the page has
 * settled, so loading Chart.js and drawing four charts never blocks the main thread in one long
 * stretch (on a mid-range phone that was a third of a second of unresponsive page).
 */
const idle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 50),
  );

class RelaisChart extends HTMLElement {
  #destroy: (() => void) | undefined;

  async connectedCallback() {
    const canvas = this.querySelector('canvas');
    if (!canvas || this.#destroy) return;
    const spec: ChartSpec = {
      kind: this.dataset.kind === 'line' ? 'line' : 'bar',
      horizontal: this.dataset.axis === 'y',
      locale: this.dataset.locale ?? document.documentElement.lang,
      ...(JSON.parse(this.dataset.chart ?? '{"labels":[],"series":[]}') as Pick<ChartSpec, 'labels' | 'series'>),
    };
    try {
      await idle();
      const { drawChart } = await import('./draw.ts');
      await idle();
      this.hidden = false;
      this.#destroy = drawChart(canvas, spec);
    } catch (error) {
      // The table already says everything: report for developers, show nothing broken.
      this.hidden = true;
      console.warn('relais-chart: graphique non dessiné', error);
    }
  }

  disconnectedCallback() {
    this.#destroy?.();
    this.#destroy = undefined;
  }
}

if (!customElements.get('relais-chart')) customElements.define('relais-chart', RelaisChart);
