'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usePresentation } from '../presentation/presentation-store';
import { presentOptions } from './chart-options';
import styles from '../dashboard/training.module.css';

/** Props of {@link MetricsChart}. */
export interface MetricsChartProps {
  /** uPlot options without size. A new object re-creates the chart: memoise it. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  /** Columns `[x, ...series]`, handed to uPlot as they are (no copy). */
  data: uPlot.AlignedData;
  /** Bump when the columns grew in place, so the chart redraws without a new `data` array. */
  revision?: number;
  /** Plot height in CSS pixels, legend excluded. */
  height?: number;
  title: string;
  /** A short note beside the title: what a reference line means, the scale. */
  hint?: string;
  /** One line on what the chart means, shown when the pointer rests on its title. */
  explain?: string;
  testId: string;
}

/**
 * A uPlot chart that fills its container's width. The chart is created once per `options`,
 * fed new points with `setData`, resized by a ResizeObserver and destroyed on unmount.
 */
export function MetricsChart({ options, data, revision, height = 170, title, hint, explain, testId }: MetricsChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // What the chart last drew, so a mount or re-creation is not followed by a redundant setData.
  const fed = useRef({ data, revision });
  // Presentation mode re-creates the chart with larger labels, thicker lines and more height.
  const presenting = usePresentation();

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const plotHeight = presenting ? Math.round(height * 1.25) : height;
    const u = new uPlot(
      { ...presentOptions(options, presenting), width: Math.max(120, el.clientWidth), height: plotHeight },
      fed.current.data,
      el,
    );
    chart.current = u;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== u.width) u.setSize({ width: w, height: plotHeight });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      chart.current = null;
    };
  }, [options, height, presenting]);

  useEffect(() => {
    if (fed.current.data === data && fed.current.revision === revision) return;
    fed.current = { data, revision };
    chart.current?.setData(data);
  }, [data, revision]);

  return (
    <section className={styles.panel} data-testid={testId} aria-label={title}>
      <header className={styles.head} title={explain}>
        <h3 className={styles.title}>{title}</h3>
        {hint && <span className={styles.hint}>{hint}</span>}
      </header>
      <div ref={host} className={styles.chart} />
    </section>
  );
}
