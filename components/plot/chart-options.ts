import type uPlot from 'uplot';
import { CANVAS_FONT, COLOURS, PRESENTATION_LINE_SCALE, PRESENTATION_TEXT_SCALE } from './palette';
import { REFERENCE_GUTTER } from './reference-line';

/** Hovering one metrics chart shows the same iteration on all of them. */
export const METRICS_SYNC_KEY = 'ganvas-metrics';

/**
 * A line series of one metric: `label` is what the legend shows. Away from the cursor the
 * legend shows the newest value, so it doubles as a live readout.
 */
export function lineSeries(label: string, stroke: string): uPlot.Series {
  return { label, stroke, width: 1.5, points: { show: false }, value: legendValue(formatValue) };
}

/**
 * Options shared by the metrics charts: iterations on x (numbers, not time), light axes and
 * grid, a live legend, and a cursor synced across charts. Every chart keeps the same axis
 * width and right gutter, so stacked charts line their iterations up. `xLabel` names the x
 * column in the legend, in the page's language.
 */
export function metricsOptions(
  series: uPlot.Series[],
  y: uPlot.Scale,
  plugins: uPlot.Plugin[] = [],
  xLabel = 'iteration',
): Omit<uPlot.Options, 'width' | 'height'> {
  const axis: uPlot.Axis = {
    stroke: COLOURS.reference,
    font: `11px ${CANVAS_FONT}`,
    grid: { stroke: COLOURS.grid, width: 1 },
    ticks: { stroke: COLOURS.grid, width: 1, size: 4 },
  };
  const log = y.distr === 3;
  return {
    scales: { x: { time: false }, y },
    series: [{ label: xLabel, value: legendValue(String) }, ...series],
    axes: [
      { ...axis, space: 60, size: 28 },
      log ? { ...axis, size: 44, splits: decadeSplits, values: logTickValues } : { ...axis, size: 44, space: 28 },
    ],
    padding: [null, REFERENCE_GUTTER, null, null],
    legend: { live: true },
    // No horizontal crosshair: it would read as one more reference line.
    cursor: { sync: { key: METRICS_SYNC_KEY }, y: false, points: { size: 6 } },
    plugins,
  };
}

/**
 * `options` for presentation mode: axis labels {@link PRESENTATION_TEXT_SCALE} larger (with room for
 * them), lines {@link PRESENTATION_LINE_SCALE} thicker. The same options when `on` is false.
 */
export function presentOptions<T extends Omit<uPlot.Options, 'width' | 'height'>>(options: T, on: boolean): T {
  if (!on) return options;
  const k = PRESENTATION_TEXT_SCALE;
  const grow = (v: unknown) => (typeof v === 'number' ? Math.round(v * k) : v);
  return {
    ...options,
    axes: options.axes?.map(
      (a) => ({ ...a, font: `${Math.round(11 * k)}px ${CANVAS_FONT}`, size: grow(a.size), space: grow(a.space) }) as uPlot.Axis,
    ),
    series: options.series.map((s, i) => (i === 0 ? s : { ...s, width: (s.width ?? 1) * PRESENTATION_LINE_SCALE })),
    padding: options.padding?.map(grow) as uPlot.Padding | undefined,
  };
}

/** The newest value a column holds (aligned runs leave gaps, null, where one was not measured). */
function newest(column: ArrayLike<number | null | undefined> | undefined): number | null {
  for (let i = (column?.length ?? 0) - 1; i >= 0; i--) {
    const v = column![i];
    if (v != null) return v;
  }
  return null;
}

/** A legend value formatter that falls back to the series' newest value when not hovered. */
function legendValue(format: (v: number) => string): uPlot.Series.Value {
  return (u, raw, sidx, idx) => {
    const v: number | null | undefined = idx != null ? raw : newest(u.data[sidx]);
    return v == null || !Number.isFinite(v) ? '–' : format(v);
  };
}

/** Log-axis ticks at powers of ten only (with 2× and 5× when the range spans under two decades). */
function decadeSplits(_u: uPlot, _axis: number, min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const steps = hi - lo < 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) for (const m of steps) out.push(m * 10 ** e);
  return out.filter((v) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9));
}

/** Log-axis labels without uPlot's long decimals: 0.001, 0.01, 0.1, 1, 10, 100, 1e4. */
function logTickValues(_u: uPlot, splits: (number | null)[]): string[] {
  return splits.map((v) => (v == null ? '' : v >= 1e4 || v < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(1)))));
}

function formatValue(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return v.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : 3);
}
