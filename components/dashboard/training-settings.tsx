'use client';

import { useId } from 'react';
import { useTranslations } from 'use-intl';
import type { LossKind } from '@/lib/project/kinds';
import {
  settingPatch,
  settingValue,
  SETTING_NAMES,
  SETTINGS,
  type NumericSetting,
  type SettingName,
} from '@/lib/project/training-settings';
import { useEditor, useEditorApi } from '@/components/store/editor';
import { useLocalized } from '../i18n/use-localized';
import { LossSelect } from './loss-select';
import { SettingField } from './setting-field';
import styles from './settings.module.css';

export type { SettingName } from '@/lib/project/training-settings';

/** Props of {@link TrainingSettings}. */
export interface TrainingSettingsProps {
  /** Settings not shown at all (an exercise that is not about them). */
  hidden?: ReadonlySet<SettingName>;
  /** Settings shown but not editable (an exercise that fixes them). */
  locked?: ReadonlySet<SettingName>;
}

const NONE: ReadonlySet<SettingName> = new Set();

/**
 * The training settings of the project: loss, k, batch size, learning rates, Adam's beta1,
 * label smoothing, the gradient penalty (WGAN-GP only), packing (PacGAN), G's weight averaging and the noise dimension. Every change is
 * one undo step; a change after a run started makes that run stale.
 */
export function TrainingSettings({ hidden = NONE, locked = NONE }: TrainingSettingsProps) {
  const t = useTranslations('settings');
  const text = useLocalized();
  const lossId = useId();
  const training = useEditor((s) => s.project.training);
  const editor = useEditorApi();
  const apply = (name: SettingName, value: number | LossKind) => editor.getState().setTraining(settingPatch(name, value));
  const shown = SETTING_NAMES.filter((name) => !hidden.has(name) && (name !== 'gradientPenalty' || training.loss === 'wasserstein-gp'));
  if (!shown.length) return null;
  const lockedTitle = (name: SettingName) => (locked.has(name) ? t('locked') : undefined);

  return (
    <details className={styles.settings} open data-testid="training-settings">
      <summary>{t('title')}</summary>
      <div className={styles.grid}>
        {shown.map((name) =>
          name === 'loss' ? (
            <div key={name} className={`${styles.field} ${styles.wide}`} title={lockedTitle(name)}>
              <label htmlFor={lossId}>{text(SETTINGS.loss.label)}</label>
              <LossSelect
                id={lossId}
                testId="setting-loss"
                value={training.loss}
                disabled={locked.has(name)}
                onChange={(loss) => apply('loss', loss)}
              />
            </div>
          ) : (
            <SettingField
              key={name}
              name={name}
              label={text(SETTINGS[name].label)}
              value={settingValue(training, name) as number}
              disabled={locked.has(name)}
              title={lockedTitle(name) ?? (SETTINGS[name].hint && text(SETTINGS[name].hint))}
              onCommit={(value) => apply(name as NumericSetting, value)}
            />
          ),
        )}
      </div>
    </details>
  );
}
