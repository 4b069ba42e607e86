'use client';

import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { Density1DData } from '@/lib/train/types';
import { prepareCanvas } from '../plot/canvas-plot';
import { densityCurves } from '../plot/density-curves';
import { densityLayout, drawDensity } from '../plot/draw-density';
import { LegendSwatch } from '../plot/legend-swatch';
import { COLOURS } from '../plot/palette';
import { usePresentation } from '../presentation/presentation-store';
import styles from './training.module.css';
import { useElementWidth } from '../plot/use-element-width';
import { AveragedNote } from './averaged-note';

const sub = (chunks: ReactNode) => <sub>{chunks}</sub>;

/** Props of {@link Density1D}. */
export interface Density1DProps {
  /** The latest 1-D picture; null before the first one arrives. */
  data: Density1DData | null;
}

/**
 * The picture of Goodfellow et al. (2014) Figure 1, live: the data's density, the generator's,
 * the discriminator D and the optimal discriminator D* for the current generator. At the
 * equilibrium the two densities coincide and both D and D* lie flat at 1/2.
 */
export function Density1D({ data }: Density1DProps) {
  const t = useTranslations('density');
  const tc = useTranslations('charts');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const axisLabel = t('axis');
  const curves = useMemo(() => (data ? densityCurves(data) : null), [data]);
  // Presentation mode draws larger labels and thicker curves: redraw when it changes.
  const presenting = usePresentation();

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    if (!data || !curves || width === 0) {
      prepareCanvas(el, width, 0);
      return;
    }
    const { height, frame } = densityLayout(width);
    const ctx = prepareCanvas(el, width, height);
    if (ctx) drawDensity(ctx, data, curves, frame, axisLabel);
  }, [data, curves, width, axisLabel, presenting]);

  return (
    <section className={styles.panel} data-testid="density-1d" aria-label={t('label')}>
      <header className={styles.head}>
        <h3 className={styles.title}>{t('title')}</h3>
        {data && <span className={styles.hint}>{tc('iterationAt', { iteration: data.iteration })}</span>}
        <AveragedNote decay={data?.averaged} />
      </header>
      <div ref={box}>
        <canvas ref={canvas} className={styles.canvas} role="img" aria-label={t('canvas')} />
        {!data && <div className={styles.empty}>{tc('waiting')}</div>}
      </div>
      <div className={styles.legend}>
        <span className={styles.legendItem}>
          {curves && !curves.analytic ? (
            <LegendSwatch kind="bar" colour="#dcdfe8" />
          ) : (
            <LegendSwatch kind="dotted" colour={COLOURS.dataDensity} />
          )}
          <span>{t.rich('data', { sub })}</span>
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="solid" colour={COLOURS.generatorDensity} />
          <span>{t.rich('generator', { sub })}</span>
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="dashed" colour={COLOURS.discriminator} /> {t('discriminator')}
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="thin" colour={COLOURS.optimal} /> {t('optimal')}
        </span>
        {data?.mapped && (
          <span className={styles.legendItem} title={t('mappedTitle')} data-testid="density-mapped">
            <LegendSwatch kind="thin" colour={COLOURS.manifold} /> {t('mapped')}
          </span>
        )}
        {curves && (
          <span className={styles.readout} title={t('jsTitle')}>
            JS(p<sub>data</sub> ‖ p<sub>g</sub>) = {curves.js.toFixed(3)} nats
          </span>
        )}
      </div>
    </section>
  );
}
