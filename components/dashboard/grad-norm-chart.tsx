'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type uPlot from 'uplot';
import { decimateHistory } from '@/lib/train/decimate';
import type { RunHistory } from '@/lib/train/history';
import { lineSeries, metricsOptions } from '../plot/chart-options';
import { MetricsChart } from '../plot/metrics-chart';
import { COLOURS } from '../plot/palette';

/** Props of {@link GradNormChart}. */
export interface GradNormChartProps {
  history: RunHistory;
}

const SERIES = [lineSeries('‖∇D‖', COLOURS.discriminator), lineSeries('‖∇G‖', COLOURS.fake)];
const LOG_SCALE: uPlot.Scale = { distr: 3, log: 10 };

/**
 * Global L2 norms of D's and G's gradients per iteration, on a log scale: vanishing gradients
 * (a saturated minimax G) show as a fall by decades, exploding ones as a climb.
 */
export function GradNormChart({ history }: GradNormChartProps) {
  const t = useTranslations('charts');
  const xLabel = t('iteration');
  const options = useMemo(() => metricsOptions(SERIES, LOG_SCALE, [], xLabel), [xLabel]);
  const data = useMemo<uPlot.AlignedData>(() => {
    const shown = decimateHistory(history);
    return [shown.iteration, shown.gradNormD, shown.gradNormG];
  }, [history]);
  return (
    <MetricsChart
      testId="grad-norm-chart"
      title={t('gradientNorms')}
      hint={t('logScale')}
      options={options}
      data={data}
      revision={history.version}
    />
  );
}
