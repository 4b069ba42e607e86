'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { createCompareStore } from '@/lib/store/compare-store';
import styles from './compare.module.css';
import { ComparePanel } from './compare-panel';

/**
 * The side-by-side comparison in a modal dialog. Its two training workers live only while it is
 * open: closing it (or leaving the page) stops both runs and ends the workers.
 */
export function CompareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('compare');
  const dialog = useRef<HTMLDialogElement>(null);
  const [store] = useState(() => createCompareStore());

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) store.getState().dispose();
  }, [open, store]);
  useEffect(() => () => store.getState().dispose(), [store]);

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} data-testid="compare-dialog" aria-label={t('title')}>
      {open && (
        <div className={styles.body}>
          <div className={styles.head}>
            <h2>{t('title')}</h2>
            <span className={styles.note}>{t('note')}</span>
            <span className={styles.spacer} />
            <button type="button" className="btn" onClick={onClose} data-testid="compare-close">
              {t('close')}
            </button>
          </div>
          <ComparePanel store={store} />
        </div>
      )}
    </dialog>
  );
}
