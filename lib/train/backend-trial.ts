import * as tf from '@tensorflow/tfjs';
import { markLost, switchBackend, type BackendName } from './backends';
import type { GanTrainer } from './trainer';

/** A trial's first iteration (which compiles the backend's kernels) may take this long, then it is abandoned. */
export const TRIAL_WARMUP_MS = 2500;
/** Then iterations are timed for about this long. */
export const TRIAL_MS = 1000;

/** `promise`'s value, or null once `ms` have passed first. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, ms, null)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Times this very graph on `backend` (then switches back to `home`): one warm-up iteration, then
 * iterations for about `timedMs`. Null when the backend cannot start, fails, or is slower than the
 * limits: an abandoned iteration finishes in the background and then frees what it made.
 */
export async function timeTrial(
  backend: BackendName,
  home: BackendName,
  makeTrainer: () => Promise<{ trainer: GanTrainer; dispose: () => void }>,
  limits: { warmupMs: number; timedMs: number },
): Promise<number | null> {
  if (!(await switchBackend(backend))) return null;
  let made: { trainer: GanTrainer; dispose: () => void } | null = null;
  let pending: Promise<unknown> | null = null;
  try {
    made = await makeTrainer();
    const { trainer } = made;
    pending = trainer.step(1);
    if ((await within(pending, limits.warmupMs)) === null) return null;
    pending = null;
    const start = performance.now();
    let done = 0;
    while (performance.now() - start < limits.timedMs && done < 20) {
      pending = trainer.step(1);
      if ((await within(pending, Math.max(limits.timedMs, 250))) === null) return null;
      pending = null;
      done++;
    }
    return (performance.now() - start) / done;
  } catch {
    return null;
  } finally {
    const leftover = made;
    if (leftover && pending) {
      // A software GPU keeps compiling an abandoned iteration's shaders for minutes, on the same
      // cores the run uses: stop the device, and with it that work.
      if (backend === 'webgpu') stopWebGpu('did not finish an iteration in time');
      void pending.finally(() => leftover.dispose()).catch(() => undefined);
    } else leftover?.dispose();
    await switchBackend(home);
  }
}

/** Destroys the WebGPU device and keeps webgpu out of this worker from now on. */
function stopWebGpu(why: string): void {
  const device = (tf.findBackend('webgpu') as unknown as { device?: { destroy(): void } } | null)?.device;
  try {
    device?.destroy();
  } catch {
    // Already gone.
  }
  markLost('webgpu', why);
}
