'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type uPlot from 'uplot';
import type { RunHistory } from '@/lib/train/history';
import { decimateHistory } from '@/lib/train/decimate';
import { alignRuns, type MetricKey } from './align-runs';
import { lineSeries, metricsOptions } from '../plot/chart-options';
import { MetricsChart } from '../plot/metrics-chart';
import { rangeIncluding, referenceLine } from '../plot/reference-line';

/** One metric both runs plot: its column, its legend name and its colour. */
export interface ComparedMetric {
  key: MetricKey;
  label: string;
  colour: string;
}

/** Props of {@link CompareChart}. */
export interface CompareChartProps {
  a: RunHistory;
  b: RunHistory;
  /** The runs' names in the legend: "A: non-saturating", "B: minimax". */
  labels: { a: string; b: string };
  /** Memoise it: a new array re-creates the chart. */
  metrics: readonly ComparedMetric[];
  title: string;
  hint?: string;
  /** A dashed reference line (kept in view), when both runs share one. */
  reference?: { value: number; label: string } | null;
  /** A fixed y range ([0, 1] for probabilities); otherwise the axis fits the values. */
  range?: [number, number];
  testId: string;
}

/** Dashes of run B's lines: same colours as A, so a metric keeps its colour and the run its stroke. */
const B_DASH = [6, 4];

/**
 * Two runs' metrics on one uPlot chart: run A solid, run B dashed, each series named after the
 * metric and the run, e.g. "D loss · A: non-saturating".
 */
export function CompareChart({ a, b, labels, metrics, title, hint, reference, range, testId }: CompareChartProps) {
  const t = useTranslations('charts');
  const xLabel = t('iteration');
  const refValue = reference?.value ?? null;
  const refLabel = reference?.label ?? '';
  const [lo, hi] = range ?? [null, null];
  const options = useMemo(() => {
    const series = (run: string, dash?: number[]) =>
      metrics.map((m) => ({ ...lineSeries(`${m.label} · ${run}`, m.colour), ...(dash && { dash }) }));
    const all = [...series(labels.a), ...series(labels.b, B_DASH)];
    const plugins = refValue === null ? [] : [referenceLine(refValue, refLabel)];
    const y: uPlot.Scale =
      lo !== null && hi !== null ? { range: [lo, hi] } : refValue !== null ? { range: rangeIncluding(refValue) } : { auto: true };
    const options = metricsOptions(all, y, plugins, xLabel);
    // Legend markers drawn as their lines are: B's dashed (uPlot takes any CSS background here).
    const marker = (_u: uPlot, i: number) => {
      const s = all[i - 1];
      if (!s) return 'transparent';
      return s.dash ? `repeating-linear-gradient(90deg, ${String(s.stroke)} 0 5px, transparent 5px 8px)` : String(s.stroke);
    };
    return { ...options, legend: { ...options.legend, markers: { width: 0, fill: marker } } };
  }, [metrics, labels.a, labels.b, refValue, refLabel, lo, hi, xLabel]);
  const data = useMemo(
    () =>
      alignRuns(
        decimateHistory(a),
        decimateHistory(b),
        metrics.map((m) => m.key),
      ),
    [a, b, metrics],
  );
  return <MetricsChart testId={testId} title={title} hint={hint} options={options} data={data} height={190} />;
}
