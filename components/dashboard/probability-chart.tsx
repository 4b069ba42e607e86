'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type uPlot from 'uplot';
import { decimateHistory } from '@/lib/train/decimate';
import type { RunHistory } from '@/lib/train/history';
import type { LossInfo } from '@/lib/train/types';
import { lineSeries, metricsOptions } from '../plot/chart-options';
import { MetricsChart } from '../plot/metrics-chart';
import { COLOURS } from '../plot/palette';
import { referenceLine } from '../plot/reference-line';

/** Props of {@link ProbabilityChart}. */
export interface ProbabilityChartProps {
  history: RunHistory;
  info: LossInfo;
}

/**
 * Mean D(x) on real data and mean D(G(z)) on generated data per iteration. For losses whose D
 * outputs probabilities the axis is [0, 1] and a dashed line marks 1/2, where both meet at the
 * equilibrium; for critics (raw scores) the axis fits the values.
 */
export function ProbabilityChart({ history, info }: ProbabilityChartProps) {
  const t = useTranslations('charts');
  const xLabel = t('iteration');
  const probabilities = info.probabilities;
  const options = useMemo(() => {
    const series = [lineSeries('D(x)', COLOURS.real), lineSeries('D(G(z))', COLOURS.fake)];
    if (!probabilities) return metricsOptions(series, { auto: true }, [], xLabel);
    return metricsOptions(series, { range: [0, 1] }, [referenceLine(0.5, 'D = ½')], xLabel);
  }, [probabilities, xLabel]);
  const data = useMemo<uPlot.AlignedData>(() => {
    const shown = decimateHistory(history);
    return [shown.iteration, shown.dReal, shown.dFake];
  }, [history]);
  return (
    <MetricsChart
      testId="probability-chart"
      title={probabilities ? t('discriminatorOutputs') : t('criticScores')}
      hint={probabilities ? t('batchMeansHalf') : t('batchMeans')}
      options={options}
      data={data}
      revision={history.version}
    />
  );
}
