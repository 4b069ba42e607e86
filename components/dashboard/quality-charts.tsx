'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type uPlot from 'uplot';
import type { QualityHistory } from '@/lib/quality/history';
import { lineSeries, metricsOptions } from '../plot/chart-options';
import { MetricsChart } from '../plot/metrics-chart';
import { COLOURS } from '../plot/palette';
import { referenceLine } from '../plot/reference-line';

/** Props of {@link QualityCharts}. */
export interface QualityChartsProps {
  quality: QualityHistory;
  /** The dataset's things: digits for MNIST, clothes for Fashion-MNIST. */
  things: 'digits' | 'clothes';
  /** A conditional G: label accuracy is measured too. */
  conditional: boolean;
}

/** Readings come every few seconds: each is drawn as a dot on the line. */
const dotted = (label: string, colour: string): uPlot.Series => ({ ...lineSeries(label, colour), points: { show: true, size: 5 } });

/** FID falls by decades as G learns: a log axis that always shows the real images' value. */
const logIncluding = (value: number): uPlot.Scale => ({
  distr: 3,
  log: 10,
  range: (_u, min, max) => [Math.min(min ?? value, value) / 1.5, Math.max(max ?? value, value) * 1.5],
});

const columns = (quality: QualityHistory, ...keys: ('fid' | 'classes' | 'score' | 'labelAccuracy')[]): uPlot.AlignedData => [
  quality.readings.map((r) => r.iteration),
  ...keys.map((k) => quality.readings.map((r) => (k === 'labelAccuracy' ? (r.labelAccuracy ?? 0) * 100 : r[k]))),
];

/**
 * The image quality meter: FID on the judge's features, classes covered with the classifier score,
 * and (conditional G) label accuracy, each over iterations with the real images' value dashed.
 */
export function QualityCharts({ quality, things, conditional }: QualityChartsProps) {
  const t = useTranslations('quality');
  const xLabel = useTranslations('charts')('iteration');
  const { reference } = quality;
  const real = t('real');
  const fidOptions = useMemo(
    () =>
      metricsOptions(
        [dotted('FID', COLOURS.fake)],
        logIncluding(Math.max(reference.fid, 1e-3)),
        [referenceLine(reference.fid, real)],
        xLabel,
      ),
    [reference.fid, real, xLabel],
  );
  const coverageOptions = useMemo(
    () =>
      metricsOptions(
        [dotted(t('classes'), COLOURS.real), dotted(t('score'), COLOURS.fake)],
        { range: [0, 10.5] },
        [referenceLine(reference.score, real)],
        xLabel,
      ),
    [reference.score, real, t, xLabel],
  );
  const judge = (quality.judgeAccuracy * 100).toFixed(1);
  const labelOptions = useMemo(
    () => metricsOptions([dotted(t('labelAccuracy'), COLOURS.fake)], { range: [0, 100] }, [referenceLine(Number(judge), real)], xLabel),
    [judge, real, t, xLabel],
  );
  const fidData = useMemo(() => columns(quality, 'fid'), [quality]);
  const coverageData = useMemo(() => columns(quality, 'classes', 'score'), [quality]);
  const labelData = useMemo(() => columns(quality, 'labelAccuracy'), [quality]);
  const revision = quality.readings.length;
  return (
    <div data-testid="quality-charts">
      <MetricsChart
        testId="quality-fid"
        title={t('fidTitle')}
        hint={t('fidHint', { value: reference.fid.toFixed(2) })}
        explain={t('fidExplain', { things: t(things), judge })}
        options={fidOptions}
        data={fidData}
        revision={revision}
        height={130}
      />
      <MetricsChart
        testId="quality-coverage"
        title={t('coverageTitle', { things: t(things) })}
        hint={t('coverageHint', { value: reference.score.toFixed(2) })}
        explain={t('coverageExplain', { things: t(things) })}
        options={coverageOptions}
        data={coverageData}
        revision={revision}
        height={130}
      />
      {conditional && (
        <MetricsChart
          testId="quality-labels"
          title={t('labelTitle')}
          hint={t('labelHint', { value: judge })}
          explain={t('labelExplain', { things: t(things) })}
          options={labelOptions}
          data={labelData}
          revision={revision}
          height={130}
        />
      )}
    </div>
  );
}
