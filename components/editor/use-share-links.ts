'use client';

import { useEffect } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { decodeShare, shareFromHash } from '@/lib/project/share';
import type { EditorStore } from '@/lib/store/editor-store';
import { describeErrors } from './file-actions';

/**
 * Opens a share link pasted into the address bar while the editor is open. The hash is cleared
 * afterwards, so a reload shows the autosaved project rather than the link again.
 */
export function useShareLinks(store: EditorStore): void {
  const t = useTranslations('notices');
  const locale = useLocale();
  useEffect(() => {
    const onHash = async () => {
      const encoded = shareFromHash(location.hash);
      if (encoded === null) return;
      history.replaceState(null, '', location.pathname + location.search);
      const result = await decodeShare(encoded);
      if (result.ok) {
        store.getState().loadProject(result.project);
        store.temporal.getState().clear();
        store.getState().notify({ tone: 'info', title: t('sharedOpened', { name: result.project.name }) });
      } else {
        store.getState().notify({ tone: 'error', title: t('shareBrokenUnchanged'), details: describeErrors(result, locale) });
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store, t, locale]);
}
