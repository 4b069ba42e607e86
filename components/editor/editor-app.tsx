'use client';

import { useEffect, useState } from 'react';
import { createTranslator, useTranslations } from 'use-intl';
import { MESSAGES } from '@/lib/i18n/messages';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { decodeShare, shareFromHash } from '@/lib/project/share';
import { createEditorStore, type EditorStore, type Notice } from '@/lib/store/editor-store';
import { loadAutosave, loadLayoutPreference } from '@/lib/store/persistence';
import { Editor } from './editor';
import { describeErrors } from './file-actions';
import { currentLocale } from '../i18n/locale-store';

/**
 * Decides what the editor opens with: a share link in the URL, else the autosaved project, else
 * the MLP GAN preset. A broken link opens nothing and says so, in the language the page will show.
 */
async function startingPoint(): Promise<{ project: GanProject; notice?: Omit<Notice, 'id'> }> {
  const locale = currentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'notices' });
  const encoded = shareFromHash(location.hash);
  let notice: Omit<Notice, 'id'> | undefined;
  if (encoded !== null) {
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await decodeShare(encoded);
    if (shared.ok) return { project: shared.project, notice: { tone: 'info', title: t('sharedOpened', { name: shared.project.name }) } };
    notice = { tone: 'error', title: t('shareBroken'), details: describeErrors(shared) };
  }
  const saved = await loadAutosave();
  return { project: saved ?? presetProject('mlp-gan-mnist'), notice };
}

export function EditorApp() {
  const t = useTranslations('app');
  const [store, setStore] = useState<EditorStore | null>(null);
  useEffect(() => {
    let live = true;
    void startingPoint().then(({ project, notice }) => {
      if (!live) return;
      const created = createEditorStore(project, { layout: loadLayoutPreference() });
      if (notice) created.getState().notify(notice);
      setStore(created);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!store) {
    return (
      <div className="loading" aria-busy="true">
        <p>
          {t.rich('loading', {
            brand: () => (
              <>
                GAN<span>vas</span>
              </>
            ),
          })}
        </p>
      </div>
    );
  }
  return <Editor store={store} />;
}
