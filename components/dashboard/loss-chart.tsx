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
import { rangeIncluding, referenceLine } from '../plot/reference-line';

/** Props of {@link LossChart}. */
export interface LossChartProps {
  history: RunHistory;
  info: LossInfo;
}

/**
 * D's and G's losses per iteration. When the loss has an equilibrium value for D (2 ln 2 for
 * minimax and non-saturating), a dashed line marks it: a D loss hovering there means D can no
 * longer tell real from fake.
 */
export function LossChart({ history, info }: LossChartProps) {
  const t = useTranslations('charts');
  const equilibrium = info.equilibriumDLoss;
  const [xLabel, dLabel, gLabel] = [t('iteration'), t('dLoss'), t('gLoss')];
  const options = useMemo(() => {
    const series = [lineSeries(dLabel, COLOURS.discriminator), lineSeries(gLabel, COLOURS.fake)];
    if (equilibrium === null) return metricsOptions(series, { auto: true }, [], xLabel);
    return metricsOptions(series, { range: rangeIncluding(equilibrium) }, [referenceLine(equilibrium, '2 ln 2')], xLabel);
  }, [equilibrium, xLabel, dLabel, gLabel]);
  const data = useMemo<uPlot.AlignedData>(() => {
    const shown = decimateHistory(history);
    return [shown.iteration, shown.dLoss, shown.gLoss];
  }, [history]);
  return (
    <MetricsChart
      testId="loss-chart"
      title={t('losses')}
      hint={equilibrium === null ? undefined : t('equilibriumHint', { value: equilibrium.toFixed(3) })}
      options={options}
      data={data}
      revision={history.version}
    />
  );
}
