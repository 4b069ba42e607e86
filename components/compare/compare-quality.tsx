'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type uPlot from 'uplot';
import { alignReadings, type QualityHistory } from '@/lib/quality/history';
import { lineSeries, metricsOptions } from '../plot/chart-options';
import { MetricsChart } from '../plot/metrics-chart';
import { COLOURS } from '../plot/palette';
import { referenceLine } from '../plot/reference-line';

/** Props of {@link CompareQuality}. */
export interface CompareQualityProps {
  a: QualityHistory;
  b: QualityHistory;
  labels: { a: string; b: string };
  things: 'digits' | 'clothes';
}

const B_DASH = [6, 4];

/** One measure of both runs: A solid, B dashed, every reading a dot. */
const bothRuns = (label: string, colour: string, a: string, b: string): uPlot.Series[] => [
  { ...lineSeries(`${label} · ${a}`, colour), points: { show: true, size: 5 }, spanGaps: true },
  { ...lineSeries(`${label} · ${b}`, colour), points: { show: true, size: 5 }, spanGaps: true, dash: B_DASH },
];

/** The quality meter of both runs: FID (log scale) and classes covered, A solid, B dashed. */
export function CompareQuality({ a, b, labels, things }: CompareQualityProps) {
  const t = useTranslations('quality');
  const xLabel = useTranslations('charts')('iteration');
  const dashed = useTranslations('compare')('dashedB');
  const real = t('real');
  const ref = a.reference;
  const fidOptions = useMemo(() => {
    const floor = Math.max(ref.fid, 1e-3);
    const y: uPlot.Scale = {
      distr: 3,
      log: 10,
      range: (_u, min, max) => [Math.min(min ?? floor, floor) / 1.5, Math.max(max ?? floor, floor) * 1.5],
    };
    return metricsOptions(bothRuns('FID', COLOURS.fake, labels.a, labels.b), y, [referenceLine(ref.fid, real)], xLabel);
  }, [ref.fid, real, xLabel, labels.a, labels.b]);
  const classesOptions = useMemo(
    () => metricsOptions(bothRuns(t('classes'), COLOURS.real, labels.a, labels.b), { range: [0, 10.5] }, [referenceLine(10, real)], xLabel),
    [real, t, xLabel, labels.a, labels.b],
  );
  const fid = useMemo(() => alignReadings(a.readings, b.readings, 'fid'), [a, b]);
  const classes = useMemo(() => alignReadings(a.readings, b.readings, 'classes'), [a, b]);
  return (
    <>
      <MetricsChart
        testId="compare-quality-fid"
        title={t('fidTitle')}
        hint={dashed}
        explain={t('fidExplain', { things: t(things), judge: (a.judgeAccuracy * 100).toFixed(1) })}
        options={fidOptions}
        data={fid}
        height={150}
      />
      <MetricsChart
        testId="compare-quality-classes"
        title={t('coverageTitle', { things: t(things) })}
        hint={dashed}
        options={classesOptions}
        data={classes}
        height={150}
      />
    </>
  );
}
