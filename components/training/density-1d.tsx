'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { Density1DData } from '@/lib/train/types';
import { prepareCanvas } from './canvas-plot';
import { densityCurves } from './density-curves';
import { densityLayout, drawDensity } from './draw-density';
import { LegendSwatch } from './legend-swatch';
import { COLOURS } from './palette';
import styles from './training.module.css';
import { useElementWidth } from './use-element-width';

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
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const curves = useMemo(() => (data ? densityCurves(data) : null), [data]);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    if (!data || !curves || width === 0) {
      prepareCanvas(el, width, 0);
      return;
    }
    const { height, frame } = densityLayout(width);
    const ctx = prepareCanvas(el, width, height);
    if (ctx) drawDensity(ctx, data, curves, frame);
  }, [data, curves, width]);

  return (
    <section className={styles.panel} data-testid="density-1d" aria-label="Densities and discriminator">
      <header className={styles.head}>
        <h3 className={styles.title}>Densities</h3>
        {data && <span className={styles.hint}>iteration {data.iteration}</span>}
      </header>
      <div ref={box}>
        <canvas ref={canvas} className={styles.canvas} role="img" aria-label="Data and generator densities with the discriminator" />
        {!data && <div className={styles.empty}>Waiting for the first iteration…</div>}
      </div>
      <div className={styles.legend}>
        <span className={styles.legendItem}>
          {curves && !curves.analytic ? <LegendSwatch kind="bar" colour="#dcdfe8" /> : <LegendSwatch kind="dotted" colour={COLOURS.dataDensity} />}
          <span>
            data p<sub>data</sub>
          </span>
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="solid" colour={COLOURS.generatorDensity} />
          <span>
            generator p<sub>g</sub>
          </span>
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="dashed" colour={COLOURS.discriminator} /> discriminator D(x)
        </span>
        <span className={styles.legendItem}>
          <LegendSwatch kind="thin" colour={COLOURS.optimal} /> optimal D*(x)
        </span>
        {curves && (
          <span className={styles.readout} title="Jensen–Shannon divergence between the data and generator densities; ln 2 ≈ 0.693 means no overlap">
            JS(p<sub>data</sub> ‖ p<sub>g</sub>) = {curves.js.toFixed(3)} nats
          </span>
        )}
      </div>
    </section>
  );
}
