'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { createCompareStore } from '@/lib/store/compare-store';
import styles from './compare.module.css';
import { ComparePanel } from './compare-panel';
import { DialogHead, useModalDialog } from '../modal';

/**
 * The side-by-side comparison in a modal dialog. Its two training workers live only while it is
 * open: closing it (or leaving the page) stops both runs and ends the workers.
 */
export function CompareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('compare');
  const dialog = useModalDialog(open);
  const [store] = useState(() => createCompareStore());

  useEffect(() => {
    if (!open) store.getState().dispose();
  }, [open, store]);
  useEffect(() => () => store.getState().dispose(), [store]);

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} data-testid="compare-dialog" aria-label={t('title')}>
      {open && (
        <div className={styles.body}>
          <DialogHead
            title={t('title')}
            note={t('note')}
            closeLabel={t('close')}
            closeTestId="compare-close"
            onClose={onClose}
            classes={styles}
          />
          <ComparePanel store={store} />
        </div>
      )}
    </dialog>
  );
}
