'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';
import { validateParam, type ParamField as Field } from '@/lib/compiler/form';
import type { ParamValue } from '@/lib/project/schema';
import { useLocalized } from '../i18n/use-localized';

interface Props {
  kind: string;
  field: Field;
  /** The field's visible name, in the current language. */
  label: string;
  value: unknown;
  onCommit: (value: ParamValue) => void;
  /** Read-only (an exercise that locks the params); `title` then says why. */
  disabled?: boolean;
  title?: string;
}

type DraftError = 'wholeNumbers' | 'aNumber';

/** Turns what was typed into a param value, or names why it cannot be one. */
function parseDraft(field: Field, text: string): { value: ParamValue } | { problem: DraftError } {
  if (field.type === 'shape') {
    const parts = text.split(/[\s,×x*]+/).filter(Boolean);
    if (!parts.length || parts.some((p) => !/^-?\d+$/.test(p))) return { problem: 'wholeNumbers' };
    return { value: parts.map(Number) };
  }
  if (field.type === 'integer' || field.type === 'number') {
    if (text.trim() === '' && field.nullable) return { value: null };
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return { problem: 'aNumber' };
    return { value: n };
  }
  return { value: text };
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** One generated form control with inline validation; valid values apply at once. */
export function ParamField({ kind, field, label, value, onCommit, disabled, title }: Props) {
  const t = useTranslations('inspector');
  const inLocale = useLocalized();
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; error: string | null; source: unknown } | null>(null);
  // A draft belongs to the value it was typed over; undo or another edit replaces it.
  const current = draft && draft.source === value ? draft : null;

  const commitText = (text: string) => {
    const parsed = parseDraft(field, text);
    const invalid = 'problem' in parsed ? null : validateParam(kind, field.name, parsed.value);
    const error = 'problem' in parsed ? t(parsed.problem) : invalid && inLocale(invalid);
    if (!error && 'value' in parsed) {
      onCommit(parsed.value);
      setDraft({ text, error: null, source: parsed.value });
    } else {
      setDraft({ text, error, source: value });
    }
  };

  let control;
  if (field.type === 'boolean') {
    control = <input id={id} type="checkbox" disabled={disabled} checked={value === true} onChange={(e) => onCommit(e.target.checked)} />;
  } else if (field.type === 'enum') {
    control = (
      <select id={id} disabled={disabled} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = field.type === 'integer' || field.type === 'number';
    control = (
      <input
        id={id}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        disabled={disabled}
        value={current ? current.text : display(value)}
        placeholder={field.type !== 'shape' && field.nullable ? t('default') : undefined}
        aria-invalid={current?.error ? true : undefined}
        aria-describedby={current?.error ? `${id}-error` : undefined}
        onChange={(e) => commitText(e.target.value)}
        onBlur={() => setDraft(null)}
      />
    );
  }

  return (
    <div className={`param-field type-${field.type}`} data-testid={`param-${field.name}`} title={title} data-locked={disabled || undefined}>
      <label htmlFor={id}>{label}</label>
      {control}
      {current?.error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {current.error}
        </p>
      )}
    </div>
  );
}
