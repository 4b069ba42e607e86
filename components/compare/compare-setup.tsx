'use client';

import { useId, useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useStore } from 'zustand';
import type { LossKind } from '@/lib/project/kinds';
import {
  COMPARE_SETTINGS,
  compareRuns,
  defaultCompareValue,
  settingText,
  type CompareChoice,
  type CompareSetting,
} from '@/lib/classroom/compare-runs';
import type { GanProject } from '@/lib/project/schema';
import { parseSetting, settingValue, SETTINGS } from '@/lib/project/training-settings';
import type { CompareStore } from '@/lib/store/compare-store';
import { useTrainingApi } from '@/components/store/training';
import { trainingFingerprint } from '@/lib/train/fingerprint';
import { useLocalized } from '../i18n/use-localized';
import styles from './compare.module.css';
import { LossSelect } from '../dashboard/loss-select';
import { useSettingProblemText } from '../dashboard/setting-field';

/** Props of {@link CompareSetup}. */
export interface CompareSetupProps {
  store: CompareStore;
  project: GanProject;
  /** The design has errors: nothing can train. */
  blocked: boolean;
}

/** B's value as typed, checked: the choice, or the message that says what is wrong. */
function useChoice(project: GanProject, setting: CompareSetting, text: string): { choice: CompareChoice } | { problem: string } {
  const t = useTranslations('compare');
  const problemText = useSettingProblemText();
  if (setting === 'loss') return check(project, { setting, value: text as LossKind }, t('same'));
  const parsed = parseSetting(setting, text);
  if ('problem' in parsed) return { problem: problemText(parsed.problem) };
  return check(project, { setting, value: parsed.value }, t('same'));
}

function check(project: GanProject, choice: CompareChoice, same: string): { choice: CompareChoice } | { problem: string } {
  const runs = compareRuns(project, choice);
  if (runs.ok) return { choice };
  return { problem: runs.reason === 'same' ? same : runs.issues.map((i) => i.message).join('; ') };
}

/** Run B's one difference (a setting and its value), and Train both / Pause / Reset. */
export function CompareSetup({ store, project, blocked }: CompareSetupProps) {
  const t = useTranslations('compare');
  const text = useLocalized();
  const id = useId();
  const training = useTrainingApi();
  const phase = useStore(store, (s) => s.phase);
  const started = useStore(store, (s) => s.choice);
  const startedOn = useStore(store, (s) => s.fingerprint);
  const [setting, setSetting] = useState<CompareSetting>('loss');
  const [value, setValue] = useState(() => String(defaultCompareValue(project, 'loss')));
  const checked = useChoice(project, setting, value);
  const fingerprint = useMemo(() => trainingFingerprint(project), [project]);
  const busy = phase === 'starting' || phase === 'pausing' || phase === 'running';
  const choice = 'choice' in checked ? checked.choice : null;
  const startsOver =
    started !== null && (startedOn !== fingerprint || !choice || started.setting !== choice.setting || started.value !== choice.value);

  const pick = (next: CompareSetting) => {
    setSetting(next);
    setValue(String(defaultCompareValue(project, next)));
  };
  const trainBoth = () => {
    if (!choice) return;
    const main = training.getState();
    // One run at a time on this machine: the comparison takes over from the dashboard's run.
    if (main.phase === 'running') main.pause();
    void store.getState().train(project, choice, main.decision?.backend ?? main.backendChoice);
    main.record('compared');
  };

  return (
    <div className={styles.setup}>
      <p className={styles.runLine}>
        <strong>{t('runA')}</strong> {text(settingText(setting, settingValue(project.training, setting) as number | LossKind))}
      </p>
      <div className={styles.runLine}>
        <strong>{t('runB')}</strong>
        <select
          aria-label={t('setting')}
          data-testid="compare-setting"
          value={setting}
          disabled={busy}
          onChange={(e) => pick(e.target.value as CompareSetting)}
        >
          {COMPARE_SETTINGS.map((s) => (
            <option key={s} value={s}>
              {text(SETTINGS[s].label)}
            </option>
          ))}
        </select>
        <span>=</span>
        {setting === 'loss' ? (
          <LossSelect id={id} testId="compare-value" label={t('value')} value={value as LossKind} disabled={busy} onChange={setValue} />
        ) : (
          <input
            id={id}
            type="text"
            inputMode="decimal"
            aria-label={t('value')}
            data-testid="compare-value"
            className={styles.value}
            value={value}
            disabled={busy}
            aria-invalid={'problem' in checked ? true : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </div>
      {'problem' in checked && (
        <p className={styles.error} role="alert" data-testid="compare-problem">
          {checked.problem}
        </p>
      )}
      <div className={styles.buttons}>
        {phase === 'running' ? (
          <button type="button" className="btn primary" data-testid="compare-pause" onClick={() => store.getState().pause()}>
            {t('pause')}
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            data-testid="compare-train"
            disabled={blocked || busy || !choice}
            onClick={trainBoth}
          >
            {phase === 'starting' ? t('starting') : phase === 'pausing' ? t('pausing') : t('trainBoth')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          data-testid="compare-reset"
          disabled={phase === 'starting' || phase === 'pausing'}
          onClick={() => void store.getState().reset()}
        >
          {t('reset')}
        </button>
        {startsOver && !busy && <span className={styles.note}>{t('startsOver')}</span>}
      </div>
    </div>
  );
}
