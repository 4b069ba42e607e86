'use client';

import { useTranslations } from 'use-intl';
import { SETTINGS, type SettingName } from '@/lib/project/training-settings';
import { useLocalized } from '../i18n/use-localized';
import { EDIT_CONTROLS, HEADER_CONTROLS, SETTING_CONTROLS, TRAINING_CONTROLS, type ControlId } from '@/lib/classroom/exercise';
import styles from './exercise.module.css';

const GROUPS = [
  { id: 'editing', controls: EDIT_CONTROLS },
  { id: 'header', controls: HEADER_CONTROLS },
  { id: 'training', controls: TRAINING_CONTROLS },
  { id: 'settings', controls: SETTING_CONTROLS },
] as const;

/** The graph and the params can be locked but not hidden: hiding them would leave nothing to look at. */
const LOCK_ONLY: ReadonlySet<ControlId> = new Set(EDIT_CONTROLS);

interface Props {
  hidden: ReadonlySet<ControlId>;
  locked: ReadonlySet<ControlId>;
  onChange: (next: { hidden: Set<ControlId>; locked: Set<ControlId> }) => void;
}

/** Which controls the student does not see, and which they see but cannot use. */
export function ControlPicker({ hidden, locked, onChange }: Props) {
  const t = useTranslations('exercise');
  const text = useLocalized();
  // A training setting is named by its spec; the other controls by the messages.
  const name = (id: ControlId) =>
    id.startsWith('setting.')
      ? text(SETTINGS[id.slice('setting.'.length) as SettingName].title)
      : t(`control.${id as Exclude<ControlId, `setting.${string}`>}`);
  const toggle = (which: 'hidden' | 'locked', id: ControlId, on: boolean) => {
    const next = { hidden: new Set(hidden), locked: new Set(locked) };
    if (on) next[which].add(id);
    else next[which].delete(id);
    // A control is hidden or locked, not both.
    if (on) next[which === 'hidden' ? 'locked' : 'hidden'].delete(id);
    onChange(next);
  };
  return (
    <div className={styles.controls}>
      {GROUPS.map((group) => (
        <table key={group.id} className={styles.controlTable}>
          <thead>
            <tr>
              <th scope="col">{t(`groups.${group.id}`)}</th>
              <th scope="col">{t('hide')}</th>
              <th scope="col">{t('lock')}</th>
            </tr>
          </thead>
          <tbody>
            {group.controls.map((id: ControlId) => (
              <tr key={id}>
                <th scope="row">{name(id)}</th>
                <td>
                  {!LOCK_ONLY.has(id) && (
                    <input
                      type="checkbox"
                      aria-label={`${t('hide')}: ${name(id)}`}
                      data-testid={`exercise-hide-${id}`}
                      checked={hidden.has(id)}
                      onChange={(e) => toggle('hidden', id, e.target.checked)}
                    />
                  )}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('lock')}: ${name(id)}`}
                    data-testid={`exercise-lock-${id}`}
                    checked={locked.has(id)}
                    onChange={(e) => toggle('locked', id, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
