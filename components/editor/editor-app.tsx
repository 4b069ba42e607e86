'use client';

import { useEffect, useState } from 'react';
import { presetProject } from '@/lib/project/presets';
import type { GanProject } from '@/lib/project/schema';
import { decodeShare, shareFromHash } from '@/lib/project/share';
import { createEditorStore, type EditorStore, type Notice } from '@/lib/store/editor-store';
import { loadAutosave, loadLayoutPreference } from '@/lib/store/persistence';
import { Editor } from './editor';
import { describeErrors } from './file-actions';

/**
 * Decides what the editor opens with: a share link in the URL, else the autosaved project, else
 * the MLP GAN preset. A broken link opens nothing and says so.
 */
async function startingPoint(): Promise<{ project: GanProject; notice?: Omit<Notice, 'id'> }> {
  const encoded = shareFromHash(location.hash);
  let notice: Omit<Notice, 'id'> | undefined;
  if (encoded !== null) {
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await decodeShare(encoded);
    if (shared.ok) return { project: shared.project, notice: { tone: 'info', title: `Opened shared project “${shared.project.name}”` } };
    notice = { tone: 'error', title: 'This share link could not be opened. Nothing was loaded from it.', details: describeErrors(shared) };
  }
  const saved = await loadAutosave();
  return { project: saved ?? presetProject('mlp-gan-mnist'), notice };
}

export function EditorApp() {
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
          GAN<span>vas</span> is opening your project…
        </p>
      </div>
    );
  }
  return <Editor store={store} />;
}
