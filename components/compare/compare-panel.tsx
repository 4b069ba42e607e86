'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import { useStore } from 'zustand';
import { datasetInfo } from '@/lib/data/catalog';
import { graphView } from '@/lib/store/analysis';
import { RUN_IDS, type CompareStore } from '@/lib/store/compare-store';
import { useEditor } from '@/components/store/editor';
import { useLocalized } from '../i18n/use-localized';
import { CompareChart, type ComparedMetric } from './compare-chart';
import { ComparePictures } from './compare-pictures';
import { CompareQuality } from './compare-quality';
import { CompareSetup } from './compare-setup';
import styles from './compare.module.css';
import { COLOURS } from '../plot/palette';

/** The comparison: B's setting, both runs' counters, the overlaid charts and the pictures. */
export function ComparePanel({ store }: { store: CompareStore }) {
  const t = useTranslations('compare');
  const tt = useTranslations('training');
  const tc = useTranslations('charts');
  const text = useLocalized();
  const project = useEditor((s) => s.project);
  const errors = graphView(project, 'generator').errors + graphView(project, 'discriminator').errors;
  const phase = useStore(store, (s) => s.phase);
  const runs = useStore(store, (s) => s.runs);
  const error = useStore(store, (s) => s.error);
  const chunk = useStore(store, (s) => s.chunk);
  const labels = runs ? { a: text(runs.a.label), b: text(runs.b.label) } : null;

  const losses = useMemo<ComparedMetric[]>(
    () => [
      { key: 'dLoss', label: tc('dLoss'), colour: COLOURS.discriminator },
      { key: 'gLoss', label: tc('gLoss'), colour: COLOURS.fake },
    ],
    [tc],
  );
  const outputs = useMemo<ComparedMetric[]>(
    () => [
      { key: 'dReal', label: 'D(x)', colour: COLOURS.real },
      { key: 'dFake', label: 'D(G(z))', colour: COLOURS.fake },
    ],
    [],
  );

  const equilibrium = runs && runs.a.info.equilibriumDLoss === runs.b.info.equilibriumDLoss ? runs.a.info.equilibriumDLoss : null;
  const probabilities = runs !== null && runs.a.info.probabilities && runs.b.info.probabilities;
  const dims = datasetInfo(project.dataset).shape.length;

  return (
    <div className={styles.content} data-testid="compare-panel">
      <CompareSetup store={store} project={project} blocked={errors > 0} />
      {errors > 0 && <p className="train-note bad">{tt('fixErrors', { count: errors })}</p>}
      {error && (
        <p className="train-note bad" role="alert" data-testid="compare-error">
          {text(error)}
        </p>
      )}
      {runs && labels && (
        <>
          <div className={styles.status}>
            {RUN_IDS.map((id) => {
              const run = runs[id];
              return (
                <div key={id} className={styles.run} data-testid={`compare-run-${id}`}>
                  <strong className={styles.runLabel}>{labels[id]}</strong>
                  <span>
                    {tt('iteration')} <strong data-testid={`compare-iteration-${id}`}>{run.status?.iteration ?? 0}</strong>
                  </span>
                  <span className="muted">{run.decision.backend}</span>
                  {run.divergence && (
                    <span className={styles.bad} role="alert">
                      {tt('paused', { what: text(run.divergence.what) })} {text(run.divergence.advice)}
                    </span>
                  )}
                </div>
              );
            })}
            <span className={`${styles.phase} muted`}>
              {tt('phase', { phase })}
              {phase === 'running' && ` · ${t('turns', { chunk })}`}
            </span>
          </div>
          <div className={styles.charts}>
            <CompareChart
              testId="compare-loss-chart"
              title={tc('losses')}
              hint={t('dashedB')}
              a={runs.a.history}
              b={runs.b.history}
              labels={labels}
              metrics={losses}
              reference={
                equilibrium === null
                  ? null
                  : { value: equilibrium, label: Math.abs(equilibrium - 2 * Math.LN2) < 1e-9 ? '2 ln 2' : String(equilibrium) }
              }
            />
            <CompareChart
              testId="compare-probability-chart"
              title={probabilities ? tc('discriminatorOutputs') : tc('criticScores')}
              hint={t('dashedB')}
              a={runs.a.history}
              b={runs.b.history}
              labels={labels}
              metrics={outputs}
              range={probabilities ? [0, 1] : undefined}
              reference={probabilities ? { value: 0.5, label: 'D = ½' } : null}
            />
            {runs.a.quality && runs.b.quality && (
              <CompareQuality
                a={runs.a.quality}
                b={runs.b.quality}
                labels={labels}
                things={project.dataset.id === 'fashion-mnist' ? 'clothes' : 'digits'}
              />
            )}
          </div>
          {(dims === 1 || dims === 2) && <ComparePictures runs={runs} labels={labels} dims={dims} />}
        </>
      )}
    </div>
  );
}
