import * as tf from '@tensorflow/tfjs';
import { createDataset, type Dataset } from '../data/dataset';
import type { ImageSet } from '../data/image-set';
import { isSyntheticRef } from '../data/synthetic';
import { bi, BiError, errorText, type BiText } from '../i18n/bi';
import type { DatasetRef, GanProject } from '../project/schema';
import { loadLayersArtifacts, saveLayersArtifacts } from '../export/tfjs-artifacts';
import { chooseMove, createRateMeter, describeFigures, formatMs, startBackend, timingsOf, type Figures } from './auto-backend';
import { timeTrial, TRIAL_MS, TRIAL_WARMUP_MS } from './backend-trial';
import { decide, markLost, setWasmThreads, switchBackend, wasmThreadLimit, type BackendDecision, type BackendName } from './backends';
import { watchQuality } from '../quality/watch';
import type { IterationTrace } from './trace';
import { createGanTrainer, type GanTrainer, type StepMode, type StepResult, type TrainerStatus } from './trainer';
import { createVisualizer } from './visuals';
import { reporter } from './session-report';
import type { SessionOptions, SessionUpdate, TrainingSession } from './session-types';
import type { GanWeights } from './weights';

export type { GanArtifacts, LatentRequest, LatentResult, SessionOptions, SessionUpdate, TrainingSession } from './session-types';
export { mergeUpdates, reporter } from './session-report';

const TARGET_CHUNK_MS = 120;
/** Auto moves a run at most this often; past it, it stays where it is. */
const MAX_MOVES = 4;

async function makeDataset(project: GanProject, loadImages: SessionOptions['loadImages']): Promise<Dataset> {
  const ref = project.dataset;
  return createDataset(ref, isSyntheticRef(ref) ? undefined : await loadImages(ref));
}

export async function createSession(options: SessionOptions): Promise<TrainingSession> {
  const { project } = options;
  // Images are fetched once, then shared by the backend trials and the run itself.
  let images: Promise<ImageSet> | null = null;
  const loadImages = (ref: DatasetRef) => (images ??= options.loadImages(ref));
  // The images unpack while the backend starts (a failure is reported where they are used).
  if (!isSyntheticRef(project.dataset)) loadImages(project.dataset).catch(() => undefined);
  const start = await startBackend(project, options.backend, options.memory ?? null);
  let decision = start.decision;
  const figures: Figures = { ...start.figures };
  const trials = [...start.trials];
  const limits = options.trialLimits ?? { warmupMs: TRIAL_WARMUP_MS, timedMs: TRIAL_MS };
  const meter = createRateMeter();
  let moves = 0;
  // wasm's thread count is tuned like a backend: the run's delivered rate on all threads, then on
  // one (tiny networks lose more to handing work over than they gain), and the better one stays.
  let threadTrial: { all: number | null } | null = start.key && start.threads === undefined && wasmThreadLimit() > 1 ? { all: null } : null;
  let threads = start.threads ?? wasmThreadLimit();
  let dataset = await makeDataset(project, loadImages);
  let trainer: GanTrainer = createGanTrainer({ project, dataset });
  if (options.resume) trainer.setWeights(options.resume);
  let visualize = createVisualizer(project, dataset, project.training.seed);
  const quality = watchQuality(project, loadImages, options.loadJudge);
  let running = false;
  let lastWeights: GanWeights | null = options.resume ?? null;
  let lastCheckpointAt = performance.now();
  let lastVisualAt = 0;
  let visualCost = 0;
  /** Wall-clock progress, visuals and checkpoints included: what "it/s" means to a person watching. */
  const pace: { at: number; iteration: number }[] = [];
  const withPace = (status: TrainerStatus): TrainerStatus => {
    const now = performance.now();
    pace.push({ at: now, iteration: status.iteration });
    while (pace.length > 2 && now - pace[0]!.at > 3000) pace.shift();
    const first = pace[0]!;
    const seconds = (now - first.at) / 1000;
    if (pace.length < 2 || seconds <= 0) return status;
    const perSecond = (status.iteration - first.iteration) / seconds;
    const perIteration = status.iterationsPerSecond > 0 ? status.samplesPerSecond / status.iterationsPerSecond : 0;
    return { ...status, iterationsPerSecond: perSecond, samplesPerSecond: perSecond * perIteration };
  };

  /** A lost WebGPU device: go on with the next backend from the last saved weights. */
  const recover = async (err: unknown): Promise<BackendDecision | null> => {
    if (decision.backend !== 'webgpu') return null;
    const failed: BackendName = decision.backend;
    const why = err instanceof Error ? err.message.slice(0, 80) : 'device lost';
    markLost(failed, why);
    try {
      trainer.dispose();
      dataset.dispose();
    } catch {
      // The device is gone; its tensors go with it.
    }
    // The next backend that starts: wasm trains everything and compiles nothing.
    let next: BackendName | null = null;
    for (const b of ['wasm', 'webgl', 'cpu'] as const)
      if (await switchBackend(b)) {
        next = b;
        break;
      }
    if (!next) return null;
    const from = lastWeights?.iteration ?? 0;
    delete figures[failed];
    meter.reset(performance.now());
    decision = decide(
      next,
      bi(
        `${failed} failed (${why}); continuing on ${next} from iteration ${from}`,
        `${failed} 出错（${why}）；从第 ${from} 次迭代起改用 ${next} 继续`,
      ),
      timingsOf(figures),
    );
    dataset = await makeDataset(project, loadImages);
    trainer = createGanTrainer({ project, dataset });
    if (lastWeights) trainer.setWeights(lastWeights);
    visualize = createVisualizer(project, dataset, project.training.seed);
    return decision;
  };

  // One thing at a time on the trainer: a weights read while a chunk is in flight would label
  // half-updated weights with the chunk's starting iteration.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const runStep = (iterations: number, mode: StepMode): Promise<SessionUpdate> =>
    exclusive(() => settle(() => trainer.step(iterations, mode)));
  /** Trainer work as an update: a failure becomes a backend switch or an error. */
  const settle = async (work: () => Promise<StepResult & { trace?: IterationTrace }>): Promise<SessionUpdate> => {
    try {
      const result = await work();
      return {
        running,
        status: trainer.metrics(),
        metrics: result.metrics,
        ...(result.divergence && { divergence: result.divergence }),
        ...(result.trace && { trace: result.trace }),
      };
    } catch (err) {
      const switched = await recover(err);
      if (switched) return { running, status: trainer.metrics(), metrics: [], backend: switched };
      running = false;
      return { running, status: trainer.metrics(), metrics: [], error: errorText(err) };
    }
  };

  const makeTrialTrainer = async () => {
    const trialData = await makeDataset(project, loadImages);
    const t = createGanTrainer({ project, dataset: trialData, snapshotEveryMs: Number.POSITIVE_INFINITY });
    return { trainer: t, dispose: () => (t.dispose(), trialData.dispose()) };
  };

  /** Times every backend still to be tried, between two chunks of the run, and says what it found. */
  const explore = async (): Promise<BackendDecision> => {
    const home = decision.backend;
    const failed: BackendName[] = [];
    for (let b = trials.shift(); b; b = trials.shift()) {
      const ms = await timeTrial(b, home, makeTrialTrainer, limits);
      if (ms === null) failed.push(b);
      else figures[b] = { ms, source: 'trial' };
    }
    const known = describeFigures(figures);
    const slow = failed.length
      ? bi(
          `${failed.join(', ')} did not finish an iteration within ${limits.warmupMs / 1000} s`,
          `${failed.join('、')} 未能在 ${limits.warmupMs / 1000} 秒内完成一次迭代`,
        )
      : null;
    const found = known.en
      ? bi(`timed while training: ${known.en}${slow ? `; ${slow.en}` : ''}`, `训练时试测：${known.zh}${slow ? `；${slow.zh}` : ''}`)
      : bi(`stays on ${home}${slow ? `: ${slow.en}` : ''}`, `继续使用 ${home}${slow ? `：${slow.zh}` : ''}`);
    decision = decide(home, found, timingsOf(figures));
    return decision;
  };

  /** Moves the run, as it is (weights, Adams, random streams), to a faster backend. */
  const moveTo = async (to: BackendName, reason: BiText): Promise<boolean> => {
    const from = decision.backend;
    const state = await trainer.saveState();
    if (!(await switchBackend(to))) {
      delete figures[to];
      await switchBackend(from);
      return false;
    }
    let nextDataset: Dataset | null = null;
    try {
      nextDataset = await makeDataset(project, loadImages);
      const next = createGanTrainer({ project, dataset: nextDataset });
      await next.loadState(state);
      trainer.dispose();
      dataset.dispose();
      trainer = next;
      dataset = nextDataset;
    } catch {
      nextDataset?.dispose();
      delete figures[to];
      await switchBackend(from);
      return false;
    }
    visualize = createVisualizer(project, dataset, project.training.seed);
    decision = decide(to, reason, timingsOf(figures));
    moves++;
    return true;
  };

  const remember = () => {
    if (!start.key) return;
    const choice = {
      backend: decision.backend,
      figures: { ...figures },
      at: Date.now(),
      ...(decision.backend === 'wasm' && !threadTrial ? { threads } : {}),
    };
    void options.memory?.set(start.key, choice).catch(() => undefined);
  };

  /** One step of the thread trial, given wasm's delivered rate now; the decision to show, if any. */
  const tuneThreads = (live: number): BackendDecision | null => {
    if (!threadTrial) return null;
    const limit = wasmThreadLimit();
    if (threadTrial.all === null) {
      threadTrial.all = live;
      threads = setWasmThreads(1);
      meter.reset(performance.now());
      return null;
    }
    const all = threadTrial.all;
    threadTrial = null;
    threads = live < all ? 1 : setWasmThreads(limit);
    figures.wasm = { ms: Math.min(live, all), source: 'run' };
    decision = decide(
      'wasm',
      bi(
        `wasm ran ${formatMs(all)} an iteration on ${limit} threads and ${formatMs(live)} on 1; it stays on ${threads === 1 ? '1 thread' : `${threads} threads`}`,
        `wasm 在 ${limit} 个线程上每次迭代 ${formatMs(all)}，在 1 个线程上 ${formatMs(live)}；保持 ${threads} 个线程`,
      ),
      timingsOf(figures),
    );
    remember();
    return decision;
  };

  /**
   * Auto between two chunks: time the untried backends once, then follow the delivered rates.
   * Returns the new decision when there is one to show.
   */
  const steer = async (now: number, iteration: number): Promise<BackendDecision | null> => {
    meter.record(now, iteration);
    if (!start.key) return null;
    if (trials.length) {
      const found = await exclusive(explore);
      // The pause for the trials is not the running backend's fault.
      meter.reset(performance.now());
      return found;
    }
    const live = meter.rate(now);
    if (live === null) return null;
    if (threadTrial && decision.backend === 'wasm') return tuneThreads(live);
    const first = figures[decision.backend]?.source !== 'run';
    figures[decision.backend] = { ms: live, source: 'run' };
    const move = moves < MAX_MOVES ? chooseMove(decision.backend, figures) : null;
    if (move && (await exclusive(() => moveTo(move.to, move.reason)))) {
      meter.reset(performance.now());
      remember();
      return decision;
    }
    if (first) remember();
    return null;
  };

  const play = (onUpdate: (update: SessionUpdate) => void | Promise<void>) => {
    if (running) return;
    running = true;
    const report = reporter(onUpdate);
    void (async () => {
      let chunk = 1;
      pace.length = 0;
      while (running) {
        const start = performance.now();
        const update = await runStep(chunk, 'both');
        const took = performance.now() - start;
        // Aim for a steady ~120 ms of work between updates, whatever the model's speed.
        chunk = Math.max(1, Math.min(500, Math.round((chunk * TARGET_CHUNK_MS) / Math.max(took, 1))));
        const now = performance.now();
        if (update.divergence || update.error) running = false;
        // Visuals cost real time on slow backends: keep them under about a sixth of it, but refresh
        // at least every 5 s (the first one also pays for compiling the sampling shaders).
        if (now - lastVisualAt > Math.max(options.visualEveryMs ?? 600, Math.min(visualCost * 6, 5000)) || !running) {
          // The first iteration is shown at once; its pictures follow in the next update.
          if (lastVisualAt === 0 && running) {
            report({ ...update, running });
            update.metrics = [];
          }
          update.visual = await visualize(trainer, trainer.metrics().iteration);
          lastVisualAt = performance.now();
          visualCost = lastVisualAt - now;
        }
        const measured = await quality.due(trainer, performance.now());
        if (measured) update.quality = measured;
        if (now - lastCheckpointAt > (options.checkpointEveryMs ?? 15_000)) {
          lastCheckpointAt = now;
          lastWeights = await trainer.getWeights();
          update.checkpoint = lastWeights;
        }
        update.running = running;
        update.status = withPace(update.status);
        report(update);
        if (running && !update.backend) {
          const moved = decision.backend;
          const steered = await steer(performance.now(), update.status.iteration);
          if (steered) {
            if (steered.backend !== moved) {
              chunk = 1;
              pace.length = 0;
            }
            report({ running, status: withPace(trainer.metrics()), metrics: [], backend: steered });
          }
        }
        // Let pause() and other messages in between chunks.
        await new Promise((resolve) => setTimeout(resolve, 0));
        // A pause that arrived just now ends the loop with nothing left to report: say so, or
        // the page would wait for a last chunk that never comes.
        if (!running && update.running) report({ running: false, status: update.status, metrics: [] });
      }
    })();
  };

  return {
    get decision() {
      return decision;
    },
    play,
    pause: () => {
      running = false;
    },
    step: async (mode) => {
      const update = await runStep(1, mode);
      update.visual = await visualize(trainer, trainer.metrics().iteration);
      return update;
    },
    traceIteration: () =>
      exclusive(async () => {
        const update = await settle(() => trainer.traceIteration());
        if (!update.error) update.visual = await visualize(trainer, trainer.metrics().iteration);
        return update;
      }),
    advance: async (iterations) => {
      const update = await runStep(Math.max(1, Math.min(500, Math.floor(iterations))), 'both');
      const measured = update.error ? null : await quality.due(trainer, performance.now());
      return measured ? { ...update, quality: measured } : update;
    },
    visual: () => exclusive(() => visualize(trainer, trainer.metrics().iteration)),
    samplesOf: (label, count) =>
      exclusive(async () => {
        const n = Math.max(1, Math.min(64, Math.floor(count)));
        const { data, shape } = await trainer.sample(
          n,
          undefined,
          Array.from({ length: n }, () => Math.floor(label)),
        );
        if (shape.length !== 4) throw new BiError(bi('this generator does not make images', '这个生成器生成的不是图像'));
        return { iteration: trainer.metrics().iteration, images: data, count: n, shape: [shape[1]!, shape[2]!, shape[3]!] };
      }),
    latent: ({ noise, count, labels }) =>
      exclusive(async () => {
        const n = Math.max(1, Math.min(256, Math.floor(count)));
        if (noise.length !== n * project.training.noise.dim) throw new BiError(bi('the noise does not match G', '噪声与生成器不符'));
        const { data, shape } = await trainer.sample(n, noise, labels);
        return { iteration: trainer.metrics().iteration, data, shape };
      }),
    getWeights: () => exclusive(async () => (lastWeights = await trainer.getWeights())),
    exportWeights: () =>
      exclusive(async () => {
        const { generator, discriminator, averagedGenerator } = trainer.models;
        return {
          generator: await saveLayersArtifacts(tf, generator),
          discriminator: await saveLayersArtifacts(tf, discriminator),
          ...(averagedGenerator ? { averagedGenerator: await saveLayersArtifacts(tf, averagedGenerator) } : {}),
        };
      }),
    importWeights: (artifacts) =>
      exclusive(async () => {
        const before = await trainer.getWeights();
        try {
          loadLayersArtifacts(tf, trainer.models.generator, artifacts.generator);
          loadLayersArtifacts(tf, trainer.models.discriminator, artifacts.discriminator);
          const { averagedGenerator } = trainer.models;
          if (averagedGenerator && artifacts.averagedGenerator) loadLayersArtifacts(tf, averagedGenerator, artifacts.averagedGenerator);
        } catch (err) {
          trainer.setWeights(before);
          throw err;
        }
        // Through setWeights so that the divergence guard's restore point is the loaded weights.
        const loaded = await trainer.getWeights();
        // A download without G's average (taken with averaging off): the average starts from the loaded G.
        if (!artifacts.averagedGenerator) delete loaded.averagedGenerator;
        trainer.setWeights(loaded);
        lastWeights = artifacts.averagedGenerator ? loaded : await trainer.getWeights();
        return lastWeights;
      }),
    dispose: () => {
      running = false;
      quality.dispose();
      trainer.dispose();
      dataset.dispose();
      tf.disposeVariables();
    },
  };
}
