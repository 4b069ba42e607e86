'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { graphView } from '@/lib/store/analysis';
import { useEditor } from '@/components/store/editor';
import { useTraining } from '@/components/store/training';
import { trainingFingerprint } from '@/lib/train/fingerprint';
import { takesLabel } from '@/lib/project/schema';
import { formatCount } from '../canvas/format';
import { useLocalized } from '../i18n/use-localized';
import { Density1D } from './density-1d';
import { LatentExplorer } from './latent-explorer';
import { GradNormChart } from './grad-norm-chart';
import { LossChart } from './loss-chart';
import { ProbabilityChart } from './probability-chart';
import { QualityCharts } from './quality-charts';
import { SampleGrid } from './sample-grid';
import { Scatter2D } from './scatter-2d';
import { CompareLauncher } from '../compare/compare-launcher';
import { SlowMotionPanel } from '../slow-motion/slow-motion-panel';
import { TrainingControls } from './training-controls';
import { TrainingSettings, type TrainingSettingsProps } from './training-settings';

/**
 * The training dashboard: settings, controls, backend, progress, charts and the picture of what
 * G makes. `settings` hides or locks settings (an exercise that fixes some of them).
 */
export function TrainingPanel({ settings }: { settings?: TrainingSettingsProps } = {}) {
  const t = useTranslations('training');
  const text = useLocalized();
  const project = useEditor((s) => s.project);
  const errors = graphView(project, 'generator').errors + graphView(project, 'discriminator').errors;
  const fingerprint = useMemo(() => trainingFingerprint(project), [project]);
  const trained = useTraining((s) => s.fingerprint);
  const phase = useTraining((s) => s.phase);
  const decision = useTraining((s) => s.decision);
  const status = useTraining((s) => s.status);
  const info = useTraining((s) => s.info);
  const history = useTraining((s) => s.history);
  const frames = useTraining((s) => s.frames);
  const scatter = useTraining((s) => s.scatter);
  const density = useTraining((s) => s.density);
  const quality = useTraining((s) => s.quality);
  const conditional = takesLabel(project.generator);
  const divergence = useTraining((s) => s.divergence);
  const error = useTraining((s) => s.error);
  const resumedFrom = useTraining((s) => s.resumedFrom);
  const stale = trained !== null && trained !== fingerprint;
  // The explorer asks the running session's G, so it shows once there is one for this design.
  const explorable = trained === fingerprint && frames.length > 0;
  const [picked, setPicked] = useState({ a: 0, b: 1, next: 'a' as 'a' | 'b' });
  const pick = (index: number) => setPicked((p) => (p.next === 'a' ? { ...p, a: index, next: 'b' } : { ...p, b: index, next: 'a' }));
  const dims = project.dataset.id === 'gaussian-1d' ? 1 : project.dataset.id === 'ring-8' || project.dataset.id === 'grid-25' ? 2 : 3;

  return (
    <div className="training-panel" data-testid="training-panel">
      <TrainingSettings {...settings} />
      <TrainingControls blocked={errors > 0} />
      <SlowMotionPanel blocked={errors > 0} />
      <CompareLauncher />
      <div className="train-status">
        <span>
          {t('iteration')} <strong data-testid="iteration">{status?.iteration ?? 0}</strong>
        </span>
        {status && status.iterationsPerSecond > 0 && (
          <span className="muted" data-testid="speed">
            {t('speed', {
              perSecond: status.iterationsPerSecond.toFixed(status.iterationsPerSecond < 10 ? 1 : 0),
              samples: formatCount(Math.round(status.samplesPerSecond)),
            })}
          </span>
        )}
        <span className={`phase phase-${phase}`}>{t('phase', { phase })}</span>
      </div>
      {decision && (
        <p className="backend-line" data-testid="backend">
          <strong>{text(decision.label)}</strong> <span className="muted">{text(decision.reason)}</span>
        </p>
      )}
      {errors > 0 && <p className="train-note bad">{t('fixErrors', { count: errors })}</p>}
      {stale && <p className="train-note warn">{t('stale')}</p>}
      {resumedFrom !== null && <p className="train-note">{t('resumed', { iteration: resumedFrom })}</p>}
      {divergence && (
        <div className="train-note bad" role="alert" data-testid="divergence">
          <strong>{t('paused', { what: text(divergence.what) })}</strong> {text(divergence.advice)}
        </div>
      )}
      {error && (
        <p className="train-note bad" role="alert" data-testid="train-error">
          {text(error)}
        </p>
      )}
      {dims === 3 && (
        <SampleGrid
          frames={frames}
          onPick={explorable ? pick : undefined}
          marks={
            explorable
              ? [
                  { index: picked.a, label: 'A' },
                  { index: picked.b, label: 'B' },
                ]
              : undefined
          }
        />
      )}
      {dims === 3 && explorable && <LatentExplorer project={project} frame={frames.at(-1)} a={picked.a} b={picked.b} />}
      {dims === 3 && quality && (
        <QualityCharts quality={quality} things={project.dataset.id === 'fashion-mnist' ? 'clothes' : 'digits'} conditional={conditional} />
      )}
      {dims === 2 && <Scatter2D data={scatter} />}
      {dims === 1 && <Density1D data={density} />}
      {info && (
        <>
          <LossChart history={history} info={info} />
          <ProbabilityChart history={history} info={info} />
          <GradNormChart history={history} />
        </>
      )}
    </div>
  );
}
