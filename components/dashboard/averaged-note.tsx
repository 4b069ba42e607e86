'use client';

import { useTranslations } from 'use-intl';
import styles from './training.module.css';

/** "from G's weight average (β …)" in a picture's header, when its samples come from the average. */
export function AveragedNote({ decay }: { decay: number | undefined }) {
  const t = useTranslations('charts');
  if (decay === undefined) return null;
  return (
    <span className={styles.hint} data-testid="averaged-note">
      {t('averaged', { decay })}
    </span>
  );
}
