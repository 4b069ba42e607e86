'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { CompareDialog } from './compare-dialog';
import styles from './compare.module.css';

/** The Train tab's "Compare…" button and the dialog it opens. */
export function CompareLauncher() {
  const t = useTranslations('compare');
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.launcher}>
      <button type="button" className="btn" data-testid="compare-open" title={t('openTitle')} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      <span className="muted">{t('openHint')}</span>
      <CompareDialog open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
