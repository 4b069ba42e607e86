'use client';

import { useEffect, useMemo, useRef } from 'react';
import { useTranslations } from 'use-intl';
import type { SubStep } from '@/lib/train/slow-motion';
import type { IterationTrace, SampleSummary } from '@/lib/train/trace';
import { prepareCanvas } from '../plot/canvas-plot';
import { drawLine, drawPlane, drawScores, extentOf, pictureHeight, type PointSet } from './draw-slow-motion';
import { COLOURS } from '../plot/palette';
import { renderSheet } from '../plot/sample-sheet';
import styles from './slow-motion.module.css';
import { useElementWidth } from '../plot/use-element-width';
import { formatValue } from './slow-motion-text';

type Picture =
  | { kind: 'points'; sets: PointSet[]; dims: 1 | 2; base: [number, number] }
  | { kind: 'images'; samples: SampleSummary }
  | { kind: 'scores'; rows: { real?: number[]; fake: number[]; meanReal?: number; meanFake: number } };

/** What a sub-step shows, if a picture helps it: the points or images it made, or D's scores. */
function pictureFor(step: SubStep, trace: IterationTrace, dataRange: [number, number]): Picture | null {
  const d = step.phase === 'd' ? trace.d[step.j] : undefined;
  const g = step.phase === 'g' ? trace.g : undefined;
  const u = d ?? g;
  if (!u) return null;
  const samples = (s: SampleSummary, colour: string, faint = false): PointSet => ({ points: s.values, colour, faint });
  const pointsOf = (sets: PointSet[], shape: number[]): Picture => ({
    kind: 'points',
    sets,
    dims: shape[0] === 1 ? 1 : 2,
    base: dataRange,
  });
  switch (step.kind) {
    case 'real':
      if (!d) return null;
      return d.real.shape.length >= 3 ? { kind: 'images', samples: d.real } : pointsOf([samples(d.real, COLOURS.real)], d.real.shape);
    case 'noise': {
      const bound: [number, number] = u.z.distribution === 'uniform' ? [-1, 1] : [-2.5, 2.5];
      return { kind: 'points', sets: [{ points: u.z.shown, colour: COLOURS.dataDensity }], dims: u.z.dim === 1 ? 1 : 2, base: bound };
    }
    case 'generate':
      if (u.fake.shape.length >= 3) return { kind: 'images', samples: u.fake };
      return pointsOf(
        d ? [samples(d.real, COLOURS.real, true), samples(u.fake, COLOURS.fake)] : [samples(u.fake, COLOURS.fake)],
        u.fake.shape,
      );
    case 'scores':
      return { kind: 'scores', rows: d ? { ...d.scores } : { fake: u.scores.fake, meanFake: u.scores.meanFake } };
    default:
      return null;
  }
}

/** The small picture under a sub-step's caption. */
export function SlowMotionPicture({ step, trace, dataRange }: { step: SubStep; trace: IterationTrace; dataRange: [number, number] }) {
  const t = useTranslations('slowMotion');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const picture = useMemo(() => pictureFor(step, trace, dataRange), [step, trace, dataRange]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !picture || width === 0) return;
    if (picture.kind === 'images') {
      const [h = 1, w = 1, c = 1] = picture.samples.shape;
      const frame = {
        iteration: trace.iteration,
        images: Float32Array.from(picture.samples.values.flat()),
        count: picture.samples.values.length,
        shape: [h, w, c] as [number, number, number],
      };
      renderSheet(frame, frame.count, el);
      el.style.height = '';
      return;
    }
    if (picture.kind === 'points') {
      const all = picture.sets.flatMap((s) => s.points);
      if (picture.dims === 1) {
        const height = pictureHeight('line', picture.sets.length);
        const ctx = prepareCanvas(el, width, height);
        if (ctx)
          drawLine(
            ctx,
            width,
            height,
            picture.sets,
            extentOf(
              all.map((p) => p[0] ?? 0),
              picture.base,
            ),
          );
      } else {
        const height = pictureHeight('plane', 1, width);
        const [x0, x1] = extentOf(
          all.map((p) => p[0] ?? 0),
          picture.base,
        );
        const [y0, y1] = extentOf(
          all.map((p) => p[1] ?? 0),
          picture.base,
        );
        const half = Math.max(x1 - x0, y1 - y0) / 2;
        const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
        const ctx = prepareCanvas(el, width, height);
        if (ctx) drawPlane(ctx, width, height, picture.sets, [cx - half, cx + half, cy - half, cy + half]);
      }
      return;
    }
    const { real, fake, meanReal, meanFake } = picture.rows;
    const rows = [
      ...(real && meanReal !== undefined ? [{ label: 'D(x)', scores: real, mean: meanReal, colour: COLOURS.real }] : []),
      { label: 'D(G(z))', scores: fake, mean: meanFake, colour: COLOURS.fake },
    ];
    const range: [number, number] = trace.probabilities ? [0, 1] : extentOf([...(real ?? []), ...fake], [0, 0]);
    const height = pictureHeight('scores', rows.length);
    const ctx = prepareCanvas(el, width, height);
    if (ctx) drawScores(ctx, width, height, rows, range, (m) => t('picture.mean', { value: formatValue(m) }));
  }, [picture, width, trace, t]);

  // The box stays while sub-steps without a picture are shown, so that its width stays measured.
  return (
    <div ref={box} className={styles.picture}>
      {picture && (
        <canvas
          ref={canvas}
          className={picture.kind === 'images' ? styles.images : styles.canvas}
          aria-label={t(`picture.${picture.kind}`)}
          role="img"
          data-testid="slowmo-picture"
          data-picture={picture.kind}
        />
      )}
    </div>
  );
}
