import type { SessionUpdate } from './session-types';

/**
 * Delivers updates one at a time: while one is with the page, newer ones merge into a single
 * pending update (metrics appended, the latest status, picture, checkpoint and running flag).
 */
export function reporter(onUpdate: (update: SessionUpdate) => void | Promise<void>): (update: SessionUpdate) => void {
  let pending: SessionUpdate | null = null;
  let busy = false;
  const flush = () => {
    if (busy || !pending) return;
    const next = pending;
    pending = null;
    busy = true;
    let delivered: void | Promise<void>;
    try {
      delivered = onUpdate(next);
    } catch {
      delivered = undefined;
    }
    void Promise.resolve(delivered)
      .catch(() => undefined)
      .then(() => {
        busy = false;
        flush();
      });
  };
  return (update) => {
    pending = pending ? mergeUpdates(pending, update) : update;
    flush();
  };
}

/** One update standing for two consecutive ones. */
export function mergeUpdates(older: SessionUpdate, newer: SessionUpdate): SessionUpdate {
  return {
    ...older,
    ...newer,
    metrics: [...older.metrics, ...newer.metrics],
    visual: newer.visual ?? older.visual,
    checkpoint: newer.checkpoint ?? older.checkpoint,
    divergence: newer.divergence ?? older.divergence,
    backend: newer.backend ?? older.backend,
    error: newer.error ?? older.error,
  };
}
