'use client';

import { useTranslations } from 'use-intl';
import { lossFormulas, noiseSymbol, type SubStep } from '@/lib/train/slow-motion';
import type { IterationTrace } from '@/lib/train/trace';

/** A figure as people read it: three significant digits, exponent form only when tiny or huge. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** The first few vectors as "(0.12, -0.5, …), (…), …", or plain numbers when each has one value. */
export function formatVectors(rows: number[][], fullWidth: number, count = 3): string {
  const shown = rows.slice(0, count).map((row) => {
    const values = row.map(formatValue).join(', ');
    if (fullWidth === 1) return values;
    return `(${values}${fullWidth > row.length ? ', …' : ''})`;
  });
  return shown.join(', ') + (rows.length > count ? ', …' : '');
}

const CAPTION = {
  d: {
    real: 'real',
    noise: 'dNoise',
    generate: 'dGenerate',
    scores: 'dScores',
    loss: 'dLoss',
    gradients: 'dGradients',
    update: 'dUpdate',
    done: 'done',
  },
  g: {
    real: 'gNoise',
    noise: 'gNoise',
    generate: 'gGenerate',
    scores: 'gScores',
    loss: 'gLoss',
    gradients: 'gGradients',
    update: 'gUpdate',
    done: 'done',
  },
  done: { real: 'done', noise: 'done', generate: 'done', scores: 'done', loss: 'done', gradients: 'done', update: 'done', done: 'done' },
} as const;

/** A sub-step's caption (what happens, with its figures) and a line that explains it. */
export function useSubStepText(step: SubStep, trace: IterationTrace): { caption: string; detail: string } {
  const t = useTranslations('slowMotion');
  const f = formatValue;
  const key = CAPTION[step.phase][step.kind];
  const prefix = step.phase === 'd' ? t('dPrefix', { j: step.j + 1, k: trace.k }) : t('gPrefix');
  const formulas = lossFormulas(trace.loss, trace.labelSmoothing, trace.gradientPenalty);
  const last = trace.d[trace.d.length - 1]!;

  if (step.phase === 'done') {
    return {
      caption: t('caption.done', { iteration: trace.iteration, k: trace.k }),
      detail: t('detail.done', {
        real: f(last.scores.meanReal),
        fake: f(last.scores.meanFake),
        dLoss: f(last.loss),
        gLoss: f(trace.g.loss),
      }),
    };
  }
  const d = step.phase === 'd' ? trace.d[step.j]! : null;
  const u = d ?? trace.g;
  const count = trace.batchSize;
  const images = u.fake.shape.length >= 3;
  const caption = t(`caption.${key}`, {
    prefix,
    count,
    dist: noiseSymbol(u.z.distribution),
    real: f(d?.scores.meanReal ?? 0),
    fake: f(step.phase === 'd' ? d!.scores.meanFake : trace.g.scores.meanFake),
    loss: f(u.loss),
    norm: f(u.gradNorm),
    delta: f(u.update.delta),
  });
  let detail: string;
  switch (step.kind) {
    case 'real':
      detail = t('detail.real', { shown: d!.real.values.length, count });
      break;
    case 'noise':
      detail = t('detail.noise', { values: formatVectors(u.z.shown, u.z.dim), norm: f(u.z.meanNorm) });
      break;
    case 'generate':
      detail = images
        ? t('detail.generatedImages', { shown: u.fake.values.length, count })
        : t('detail.generated', { values: formatVectors(u.fake.values, u.fake.shape[0] ?? 1) });
      break;
    case 'scores':
      detail = t(
        d
          ? trace.probabilities
            ? 'detail.scoresProb'
            : 'detail.scoresCritic'
          : trace.probabilities
            ? 'detail.gScoresProb'
            : 'detail.gScoresCritic',
      );
      break;
    case 'loss':
      detail =
        d?.penalty != null
          ? t('detail.lossPenalty', { formula: formulas.d, penalty: f(d.penalty) })
          : t('detail.loss', { formula: d ? formulas.d : formulas.g });
      break;
    case 'gradients':
      detail = t(d ? 'detail.dGradients' : 'detail.gGradients');
      break;
    default:
      detail = t('detail.update', { weights: f(u.update.weights), ratio: f(u.update.weights > 0 ? u.update.delta / u.update.weights : 0) });
  }
  return { caption, detail };
}
