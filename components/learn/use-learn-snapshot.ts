'use client';

import { useMemo } from 'react';
import { modeQuality } from '@/lib/data/quality';
import { isSyntheticRef, syntheticModes, syntheticStd } from '@/lib/data/synthetic';
import { LEARN_EVENTS, recentMetrics, type LearnEvent, type LearnSnapshot } from '@/lib/classroom/checks';
import { graphView } from '@/lib/store/analysis';
import { useEditor } from '@/components/store/editor';
import { useTraining } from '@/components/store/training';
import { densityCurves } from '../plot/density-curves';

/**
 * What lesson steps and exercise checks read: the project, its errors, and the run's latest
 * figures. `since` holds event counts taken when a step began, so an event counts only when it
 * happens during that step.
 */
export function useLearnSnapshot(since?: Record<LearnEvent, number>): LearnSnapshot {
  const project = useEditor((s) => s.project);
  const status = useTraining((s) => s.status);
  const history = useTraining((s) => s.history);
  const scatter = useTraining((s) => s.scatter);
  const density = useTraining((s) => s.density);
  const counts = useTraining((s) => s.eventCounts);
  const fingerprint = useTraining((s) => s.fingerprint);
  const quality = useTraining((s) => s.quality?.readings.at(-1) ?? null);

  const errors = { generator: graphView(project, 'generator').errors, discriminator: graphView(project, 'discriminator').errors };
  const recent = useMemo(() => recentMetrics(history), [history]);
  const ref = project.dataset;
  const modes = useMemo(() => {
    if (!scatter || !isSyntheticRef(ref) || ref.id === 'gaussian-1d') return null;
    const q = modeQuality(scatter.fake, syntheticModes(ref), syntheticStd(ref));
    return { captured: q.modesCaptured, total: q.totalModes, highQuality: q.highQualityFraction };
  }, [scatter, ref]);
  const js = useMemo(() => (density && ref.id === 'gaussian-1d' ? densityCurves(density).js : null), [density, ref.id]);
  const events = useMemo(() => new Set(LEARN_EVENTS.filter((e) => counts[e] > (since?.[e] ?? 0))), [counts, since]);

  return { project, errors, iteration: fingerprint ? (status?.iteration ?? 0) : 0, recent, modes, js, quality, events };
}
