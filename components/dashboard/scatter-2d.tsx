'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { Scatter2DData } from '@/lib/train/types';
import { prepareCanvas } from '../plot/canvas-plot';
import { dGradientCss } from '../plot/d-colour-scale';
import { drawScatter, scatterLayout } from '../plot/draw-scatter';
import { LegendSwatch } from '../plot/legend-swatch';
import { COLOURS } from '../plot/palette';
import { usePresentation } from '../presentation/presentation-store';
import styles from './training.module.css';
import { useElementWidth } from '../plot/use-element-width';
import { AveragedNote } from './averaged-note';

/** Props of {@link Scatter2D}. */
export interface Scatter2DProps {
  /** The latest 2-D picture; null before the first one arrives. */
  data: Scatter2DData | null;
}

const GRADIENT = dGradientCss();

/**
 * The 2-D picture of a GAN at one iteration, after GAN Lab: D's decision surface as a heatmap
 * (bluish green "real", vermillion "fake"), real and generated points on it, and arrows showing where
 * G's gradient pushes some generated points.
 */
export function Scatter2D({ data }: Scatter2DProps) {
  const t = useTranslations('scatter');
  const tc = useTranslations('charts');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  // Presentation mode draws larger labels and dots: redraw when it changes.
  const presenting = usePresentation();

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    if (!data || width === 0) {
      prepareCanvas(el, width, 0);
      return;
    }
    const { height, frame } = scatterLayout(width, data.extent);
    const ctx = prepareCanvas(el, width, height);
    if (ctx) drawScatter(ctx, data, frame);
  }, [data, width, presenting]);

  return (
    <section className={styles.panel} data-testid="scatter-2d" aria-label={t('label')}>
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
          <LegendSwatch kind="dot" colour={COLOURS.realDot} /> {t('real')}
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="dot" colour={COLOURS.fakeDot} /> {t('generated')}
        </span>
        {data?.manifold && (
          <span className={styles.legendItem} title={t('manifoldTitle')} data-testid="scatter-manifold">
            <LegendSwatch kind="thin" colour={COLOURS.manifold} /> {t('manifold')}
          </span>
        )}
        {data?.arrows && (
          <span className={styles.legendItem}>
            <LegendSwatch kind="arrow" colour={COLOURS.arrow} /> {t('push')}
          </span>
        )}
        {data?.heatmap && (
          <span className={styles.scale} title={data.pack ? t('scaleTitlePacked', { m: data.pack }) : t('scaleTitle')}>
            D(x) <span className={styles.scaleEnd}>{t('fake0')}</span>
            <span className={styles.scaleBar} style={{ background: GRADIENT }} />
            <span className={styles.scaleEnd}>{t('real1')}</span>
          </span>
        )}
        {data?.heatmap && data.pack && (
          <span className={styles.legendItem} data-testid="scatter-packed">
            {t('packed', { m: data.pack })}
          </span>
        )}
      </div>
    </section>
  );
}
