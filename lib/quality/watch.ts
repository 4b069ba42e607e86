import type { ImageSet } from '../data/image-set';
import { createRng } from '../data/rng';
import { takesLabel, type DatasetRef, type GanProject } from '../project/schema';
import { isJudgedSet, type Judge, type JudgedSet } from './judge';
import { createQualityMeter, QUALITY_SAMPLES, type QualityFigures, type QualityMeter, type QualityReading } from './meter';

/** What the worker sends the page with each new measurement. */
export interface QualityUpdate {
  reading: QualityReading;
  /** The real-vs-real figures: where G's should go. */
  reference: QualityFigures;
  /** The judge's own accuracy on held-out real images, 0..1 (said on hover). */
  judgeAccuracy: number;
}

/** At least this long between two measurements, and at most about a tenth of the run's time spent on them. */
export const QUALITY_EVERY_MS = 5000;
const SHARE = 10;
const CHUNK = 250;

/** What the meter needs of a trainer (lib/train's GanTrainer is one): G's samples on given noise, and the iteration. */
export interface Sampled {
  sample(n: number, noise?: Float32Array, labels?: number[]): Promise<{ data: Float32Array }>;
  metrics(): { iteration: number };
}

export interface QualityWatch {
  /** A measurement when one is due (or `force`d) and the meter is ready; null otherwise. Never throws. */
  due(trainer: Sampled, now: number, force?: boolean): Promise<QualityUpdate | null>;
  dispose(): void;
}

/**
 * The quality meter of a run on MNIST or Fashion-MNIST: loads the judge and the real statistics in
 * the background (training never waits for them), then measures G on the same noise vectors every
 * few seconds. A run on any other dataset, or without the judge's files, gets no measurements.
 */
export function watchQuality(
  project: GanProject,
  loadImages: (ref: DatasetRef) => Promise<ImageSet>,
  loadJudge?: (set: JudgedSet) => Promise<Judge | null>,
): QualityWatch {
  const ref = project.dataset;
  if (!loadJudge || !isJudgedSet(ref.id)) return { due: async () => null, dispose: () => {} };
  let judge: Judge | null = null;
  let disposed = false;
  let meter: QualityMeter | null = null;
  let failed = false;
  const ready = (async () => {
    const loaded = await loadJudge(ref.id as JudgedSet);
    if (!loaded) return;
    if (disposed) return loaded.dispose();
    judge = loaded;
    meter = await createQualityMeter(loaded, await loadImages(ref));
  })().catch(() => {
    failed = true;
  });
  void ready;
  const { dim, distribution } = project.training.noise;
  const rng = createRng(project.training.seed + 7919);
  const noise = Float32Array.from({ length: QUALITY_SAMPLES * dim }, () => (distribution === 'normal' ? rng.normal() : rng.next() * 2 - 1));
  const conditional = takesLabel(project.generator);
  const labels = conditional ? Array.from({ length: QUALITY_SAMPLES }, (_, i) => i % 10) : undefined;
  let last = Number.NEGATIVE_INFINITY;
  let cost = 0;

  return {
    async due(trainer, now, force = false) {
      if (!meter || failed || disposed) return null;
      if (!force && now - last < Math.max(QUALITY_EVERY_MS, cost * SHARE)) return null;
      const started = performance.now();
      try {
        const parts: Float32Array[] = [];
        for (let s = 0; s < QUALITY_SAMPLES; s += CHUNK) {
          const n = Math.min(CHUNK, QUALITY_SAMPLES - s);
          parts.push((await trainer.sample(n, noise.subarray(s * dim, (s + n) * dim), labels?.slice(s, s + n))).data);
        }
        const images = new Float32Array(parts.reduce((t, p) => t + p.length, 0));
        parts.reduce((offset, p) => (images.set(p, offset), offset + p.length), 0);
        const figures = await meter.measure(images, QUALITY_SAMPLES, labels);
        last = performance.now();
        cost = last - started;
        return {
          reading: { iteration: trainer.metrics().iteration, ...figures },
          reference: meter.reference,
          judgeAccuracy: meter.card.heldOutAccuracy,
        };
      } catch {
        // A generator whose output the judge cannot read (another image size): no meter for this run.
        failed = true;
        return null;
      }
    },
    dispose() {
      disposed = true;
      (judge as Judge | null)?.dispose();
      judge = null;
    },
  };
}
