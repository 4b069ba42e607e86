'use client';

import { LOSS_KINDS, type LossKind } from '@/lib/project/kinds';
import { LOSS_TITLES } from '@/lib/project/training-settings';
import { useLocalized } from '../i18n/use-localized';

/** Props of {@link LossSelect}. */
export interface LossSelectProps {
  id?: string;
  value: LossKind;
  onChange: (loss: LossKind) => void;
  /** The losses offered (all by default). */
  options?: readonly LossKind[];
  disabled?: boolean;
  testId: string;
  label?: string;
}

/** A choice of GAN loss, named in the page's language; option values are the loss ids. */
export function LossSelect({ id, value, onChange, options = LOSS_KINDS, disabled, testId, label }: LossSelectProps) {
  const text = useLocalized();
  return (
    <select
      id={id}
      aria-label={label}
      data-testid={testId}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as LossKind)}
    >
      {options.map((loss) => (
        <option key={loss} value={loss}>
          {text(LOSS_TITLES[loss])}
        </option>
      ))}
    </select>
  );
}
