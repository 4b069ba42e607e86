'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LearnSnapshot } from '@/lib/classroom/checks';
import type { LessonView as View } from '@/lib/classroom/lessons';
import { generatorPush, valueFunctionCurves } from '@/lib/classroom/value-function';
import { useTraining, useTrainingApi } from '@/components/store/training';
import type { SampleFrame } from '@/lib/train/types';
import { drawAxes, linearScale, niceTicks, prepareCanvas, type PlotFrame } from '../plot/canvas-plot';
import { usePresentation } from '../presentation/presentation-store';
import { canvasFont, canvasLine, COLOURS } from '../plot/palette';
import { renderSheet } from '../plot/sample-sheet';
import { useElementWidth } from '../plot/use-element-width';

/** The picture a lesson step adds beside its text. */
export function LessonView({ view, snapshot }: { view: View; snapshot: LearnSnapshot }) {
  switch (view) {
    case 'value-function':
      return <ValueFunctionView snapshot={snapshot} />;
    case 'equilibrium':
      return <EquilibriumView snapshot={snapshot} />;
    case 'modes':
      return <ModesView snapshot={snapshot} />;
    case 'digit':
      return <DigitView />;
  }
}

const PLOT_HEIGHT = 170;

/**
 * G's two losses against D(G(z)), and how hard each pushes G (the slope with respect to D's
 * logit): D(G(z)) for minimax, 1 − D(G(z)) for non-saturating. A marker shows where the run is.
 */
function ValueFunctionView({ snapshot }: { snapshot: LearnSnapshot }) {
  const t = useTranslations('learn.valueFunction');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const dFake = snapshot.recent?.dFake ?? null;
  const loss = snapshot.project.training.loss;
  const labels = { minimax: t('minimaxPush'), nonSaturating: t('nonSaturatingPush') };
  const presenting = usePresentation();

  useEffect(() => {
    const el = canvas.current;
    if (!el || width === 0) return;
    const ctx = prepareCanvas(el, width, PLOT_HEIGHT);
    if (!ctx) return;
    const frame: PlotFrame = { left: 30, top: 8, width: width - 40, height: PLOT_HEIGHT - 42 };
    const x = linearScale(0, 1, frame.left, frame.left + frame.width);
    const y = linearScale(0, 1, frame.top + frame.height, frame.top);
    drawAxes(ctx, frame, [
      { side: 'bottom', ticks: niceTicks(0, 1, 5), scale: x },
      { side: 'left', ticks: niceTicks(0, 1, 4), scale: y },
    ]);
    const curves = valueFunctionCurves(101);
    const line = (ys: Float32Array, colour: string, bold: boolean, dash: number[]) => {
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = canvasLine(bold ? 3 : 1.5);
      ctx.setLineDash(dash);
      ctx.beginPath();
      curves.d.forEach((d, i) => (i === 0 ? ctx.moveTo(x(d), y(ys[i]!)) : ctx.lineTo(x(d), y(ys[i]!))));
      ctx.stroke();
      ctx.restore();
    };
    line(curves.minimaxPush, COLOURS.discriminator, loss === 'minimax', []);
    line(curves.nonSaturatingPush, COLOURS.fake, loss === 'non-saturating', [6, 4]);
    ctx.font = canvasFont(11);
    ctx.fillStyle = COLOURS.axis;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText('D(G(z))', frame.left + frame.width / 2, PLOT_HEIGHT - 1);
    if (dFake !== null && Number.isFinite(dFake)) {
      const px = x(Math.min(1, Math.max(0, dFake)));
      ctx.strokeStyle = COLOURS.reference;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(px, frame.top);
      ctx.lineTo(px, frame.top + frame.height);
      ctx.stroke();
    }
  }, [width, dFake, loss, presenting]);

  const push = dFake === null ? null : generatorPush(dFake);
  return (
    <section className="lesson-view" data-testid="view-value-function" aria-label={t('title')}>
      <h4>{t('title')}</h4>
      <div ref={box}>
        <canvas ref={canvas} role="img" aria-label={t('alt')} />
      </div>
      <ul className="lesson-legend">
        <li>
          <span className="swatch" style={{ background: COLOURS.discriminator }} /> {labels.minimax}
        </li>
        <li>
          <span className="swatch dashed" style={{ borderColor: COLOURS.fake }} /> {labels.nonSaturating}
        </li>
      </ul>
      <p className="muted" data-testid="value-function-now">
        {push
          ? t('now', { d: dFake!.toFixed(3), minimax: push.minimax.toFixed(3), nonSaturating: push.nonSaturating.toFixed(3) })
          : t('waiting')}
      </p>
    </section>
  );
}

/** JS(p_data ‖ p_g) estimated on each 1-D picture, over training, and the value C(G) it implies. */
function EquilibriumView({ snapshot }: { snapshot: LearnSnapshot }) {
  const t = useTranslations('learn.equilibrium');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const [series, setSeries] = useState<{ iteration: number; js: number }[]>([]);
  const { js, iteration } = snapshot;
  const presenting = usePresentation();
  useEffect(() => {
    if (js === null) return;
    setSeries((s) => {
      const kept = s.filter((p) => p.iteration < iteration);
      return kept.length && kept[kept.length - 1]!.iteration === iteration ? kept : [...kept, { iteration, js }].slice(-400);
    });
  }, [js, iteration]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || width === 0) return;
    const ctx = prepareCanvas(el, width, PLOT_HEIGHT);
    if (!ctx || series.length === 0) return;
    const frame: PlotFrame = { left: 40, top: 8, width: width - 50, height: PLOT_HEIGHT - 30 };
    const first = series[0]!.iteration;
    const lastIt = Math.max(first + 1, series[series.length - 1]!.iteration);
    const x = linearScale(first, lastIt, frame.left, frame.left + frame.width);
    const y = linearScale(0, Math.LN2, frame.top + frame.height, frame.top);
    drawAxes(ctx, frame, [
      { side: 'bottom', ticks: niceTicks(first, lastIt, 4), scale: x },
      { side: 'left', ticks: [0, 0.2, 0.4, 0.6], scale: y },
    ]);
    ctx.strokeStyle = COLOURS.discriminator;
    ctx.lineWidth = canvasLine(2);
    ctx.beginPath();
    series.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.iteration), y(p.js)) : ctx.lineTo(x(p.iteration), y(p.js))));
    ctx.stroke();
  }, [width, series, presenting]);

  const dLoss = snapshot.recent?.dLoss;
  return (
    <section className="lesson-view" data-testid="view-equilibrium" aria-label={t('title')}>
      <h4>{t('title')}</h4>
      <div ref={box}>
        <canvas ref={canvas} role="img" aria-label={t('alt')} />
      </div>
      <p className="muted" data-testid="equilibrium-now">
        {js === null
          ? t('waiting')
          : t('now', { js: js.toFixed(4), value: (2 * js - 2 * Math.LN2).toFixed(3), floor: (-2 * Math.LN2).toFixed(3) })}
      </p>
      {dLoss !== undefined && <p className="muted">{t('dLoss', { value: dLoss.toFixed(3), target: (2 * Math.LN2).toFixed(3) })}</p>}
    </section>
  );
}

/** Modes captured by the latest samples of a 2-D mixture, and the high-quality share. */
function ModesView({ snapshot }: { snapshot: LearnSnapshot }) {
  const t = useTranslations('learn.modes');
  const m = snapshot.modes;
  return (
    <section className="lesson-view" data-testid="view-modes" aria-label={t('title')}>
      <h4>{t('title')}</h4>
      {m ? (
        <>
          <p className="lesson-big" data-testid="modes-count">
            {m.captured} / {m.total}
          </p>
          <meter min={0} max={m.total} value={m.captured} aria-label={t('title')} />
          <p className="muted">{t('quality', { share: (100 * m.highQuality).toFixed(1) })}</p>
        </>
      ) : (
        <p className="muted">{t('waiting')}</p>
      )}
    </section>
  );
}

const DIGIT_SAMPLES = 8;

/** Ask the conditional G for one digit: fresh noise, the label fixed. */
function DigitView() {
  const t = useTranslations('learn.digit');
  const training = useTrainingApi();
  const trained = useTraining((s) => s.fingerprint !== null);
  const [frame, setFrame] = useState<SampleFrame | null>(null);
  const [digit, setDigit] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  const choose = async (d: number) => {
    setDigit(d);
    setError(null);
    try {
      const sheet = await training.getState().samplesOf(d, DIGIT_SAMPLES);
      if (!sheet) return setError(t('trainFirst'));
      setFrame(sheet);
      training.getState().record('digit-chosen');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  useEffect(() => {
    if (frame && canvas.current) renderSheet(frame, DIGIT_SAMPLES / 2, canvas.current);
  }, [frame]);

  return (
    <section className="lesson-view" data-testid="view-digit" aria-label={t('title')}>
      <h4>{t('title')}</h4>
      <div className="digit-picker" role="group" aria-label={t('title')}>
        {Array.from({ length: 10 }, (_, d) => (
          <button
            key={d}
            type="button"
            className="btn"
            aria-pressed={digit === d}
            data-testid={`digit-${d}`}
            disabled={!trained}
            onClick={() => void choose(d)}
          >
            {d}
          </button>
        ))}
      </div>
      {!trained && <p className="muted">{t('trainFirst')}</p>}
      {error && <p className="train-note bad">{error}</p>}
      {frame && (
        <canvas ref={canvas} className="digit-sheet" data-testid="digit-samples" role="img" aria-label={t('alt', { digit: digit ?? 0 })} />
      )}
    </section>
  );
}
