'use client';

import { useTranslations } from 'use-intl';
import { setPresenting, usePresentation } from './presentation-store';

/** The header switch for presentation mode: larger type and thicker lines for a projector. */
export function PresentationToggle() {
  const t = useTranslations('app');
  const on = usePresentation();
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={on}
      data-testid="presentation"
      title={t('presentationTitle')}
      onClick={() => setPresenting(!on)}
    >
      {t('presentation')}
    </button>
  );
}
