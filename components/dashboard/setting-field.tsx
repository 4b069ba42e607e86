'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';
import { parseSetting, type NumericSetting, type SettingProblem } from '@/lib/project/training-settings';
import styles from './settings.module.css';

/** Props of {@link SettingField}. */
export interface SettingFieldProps {
  name: NumericSetting;
  label: string;
  value: number;
  disabled?: boolean;
  /** A tooltip: what the setting does, or why it is locked. */
  title?: string;
  onCommit: (value: number) => void;
}

/** The message for a typed value a setting cannot take, in the page's language. */
export function useSettingProblemText(): (problem: SettingProblem) => string {
  const t = useTranslations('settings');
  return (problem) => {
    if (problem.kind !== 'range') return t(problem.kind);
    const { min, max, integer, minExclusive, maxExclusive } = problem.bounds;
    if (integer) return t('rangeWhole', { min, max });
    if (minExclusive) return t('rangeAbove', { min, max });
    if (maxExclusive) return t('rangeBelow', { min, max });
    return t('range', { min, max });
  };
}

/**
 * One numeric training setting, typed as text. A valid value applies at once; an invalid one
 * stays in the box with a message beneath and changes nothing.
 */
export function SettingField({ name, label, value, disabled, title, onCommit }: SettingFieldProps) {
  const id = useId();
  const problemText = useSettingProblemText();
  // The draft belongs to the value it was typed over: undo or another edit replaces it.
  const [draft, setDraft] = useState<{ text: string; error: string | null; source: number } | null>(null);
  const current = draft && draft.source === value ? draft : null;

  const onChange = (text: string) => {
    const parsed = parseSetting(name, text);
    if ('value' in parsed) {
      setDraft({ text, error: null, source: parsed.value });
      if (parsed.value !== value) onCommit(parsed.value);
    } else {
      setDraft({ text, error: problemText(parsed.problem), source: value });
    }
  };

  return (
    <div className={styles.field} title={title}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={`setting-${name}`}
        value={current ? current.text : String(value)}
        disabled={disabled}
        aria-invalid={current?.error ? true : undefined}
        aria-describedby={current?.error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setDraft(null)}
      />
      {current?.error && (
        <p id={`${id}-error`} className={styles.error} role="alert" data-testid={`setting-${name}-error`}>
          {current.error}
        </p>
      )}
    </div>
  );
}
