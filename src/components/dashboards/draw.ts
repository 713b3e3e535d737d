/**
 * Draws one dashboard chart with Chart.js. Loaded on demand by `chart.ts`: it registers only
 * the parts the dashboards use (line and bar charts, category and linear scales, legend and
 * tooltip), so the bundler leaves the rest of Chart.js out (`chart.js/auto` would ship it all).
 * Colours come from CSS custom properties on `<relais-chart>` (AA contrast in light and dark
 * schemes) and are re-read when the scheme changes; with reduced motion nothing animates.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface ChartSpec {
  kind: 'line' | 'bar';
  /** Bars along the y axis: long labels (card titles, teams) stay readable. */
  horizontal: boolean;
  locale: string;
  labels: string[];
  series: { label: string; data: number[] }[];
}

const dark = matchMedia('(prefers-color-scheme: dark)');
const still = matchMedia('(prefers-reduced-motion: reduce)');

/**
 * Draws the chart and returns how to remove it. A change of colour scheme or motion setting
 * redraws from scratch: simpler than patching options, and it happens once in a blue moon.
 */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
  // Labels in the page's font (Inter, self-hosted) rather than Chart.js's Helvetica default.
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  let chart = new Chart(canvas, config(spec, style(canvas)));
  const redraw = () => {
    chart.destroy();
    chart = new Chart(canvas, config(spec, style(canvas)));
  };
  dark.addEventListener('change', redraw);
  still.addEventListener('change', redraw);
  return () => {
    dark.removeEventListener('change', redraw);
    still.removeEventListener('change', redraw);
    chart.destroy();
  };
}

interface Style {
  series: string[];
  text: string;
  grid: string;
}

function style(el: Element): Style {
  const css = getComputedStyle(el);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    series: [
      get('--chart-1', '#1d4ed8'),
      get('--chart-2', '#9a3412'),
      get('--chart-3', '#047857'),
      get('--chart-4', '#7e22ce'),
    ],
    text: get('--chart-text', '#4b5563'),
    grid: get('--chart-grid', '#d1d5db'),
  };
}

/** Line styles and point shapes of the series, in turn (four series: the reach chart). */
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const POINTS = ['circle', 'rectRot', 'triangle', 'rect'] as const;

/** Series differ by colour and by line style or point shape, never by colour alone. */
function datasetColours(s: Style, i: number, kind: ChartSpec['kind']) {
  const colour = s.series[i % s.series.length] ?? s.text;
  return kind === 'line'
    ? {
        borderColor: colour,
        backgroundColor: colour,
        borderDash: DASHES[i % DASHES.length] as number[],
        pointStyle: POINTS[i % POINTS.length],
      }
    : { borderColor: colour, backgroundColor: colour };
}

function config(spec: ChartSpec, s: Style): ChartConfiguration<'line' | 'bar'> {
  const axis = { ticks: { color: s.text }, grid: { color: s.grid }, border: { color: s.grid } };
  const value = { ...axis, beginAtZero: true, ticks: { color: s.text, precision: 0 } };
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((d, i) => ({ ...d, ...datasetColours(s, i, spec.kind), borderWidth: 2 })),
    },
    options: {
      locale: spec.locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: still.matches ? false : { duration: 400 },
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? { x: value, y: axis } : { x: axis, y: value },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: s.text, usePointStyle: true } },
        tooltip: { enabled: true },
      },
    },
  };
}
