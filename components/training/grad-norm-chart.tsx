'use client';

import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { MetricsHistory } from '@/lib/train/types';
import { lineSeries, metricsOptions } from './chart-options';
import { MetricsChart } from './metrics-chart';
import { COLOURS } from './palette';

/** Props of {@link GradNormChart}. */
export interface GradNormChartProps {
  history: MetricsHistory;
}

const OPTIONS = metricsOptions([lineSeries('‖∇D‖', COLOURS.discriminator), lineSeries('‖∇G‖', COLOURS.fake)], { distr: 3, log: 10 });

/**
 * Global L2 norms of D's and G's gradients per iteration, on a log scale: vanishing gradients
 * (a saturated minimax G) show as a fall by decades, exploding ones as a climb.
 */
export function GradNormChart({ history }: GradNormChartProps) {
  const data = useMemo<uPlot.AlignedData>(() => [history.iteration, history.gradNormD, history.gradNormG], [history]);
  return (
    <MetricsChart
      testId="grad-norm-chart"
      title="Gradient norms"
      hint="log scale"
      options={OPTIONS}
      data={data}
      revision={history.iteration.length}
    />
  );
}
