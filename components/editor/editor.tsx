'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Role } from '@/lib/project/kinds';
import type { EditorStore } from '@/lib/store/editor-store';
import { persistLayoutPreference, startAutosave } from '@/lib/store/persistence';
import { EditorProvider, useEditor, useEditorApi } from '@/lib/store/provider';
import { CanvasRegistryProvider } from '../canvas/canvas-registry';
import { GraphCanvas } from '../canvas/graph-canvas';
import { Palette } from '../palette/palette';
import { ProblemsPanel } from '../problems/problems-panel';
import { createTrainingStore } from '@/lib/store/training-store';
import { TrainingProvider } from '@/lib/store/training-provider';
import { Header } from './header';
import { SidePanel } from './side-panel';
import { NoticeBar } from './notice-bar';
import { useShareLinks } from './use-share-links';
import { useShortcuts } from './use-shortcuts';

/** The editor page: header, palette, the two canvases, inspector and problems. */
export function Editor({ store }: { store: EditorStore }) {
  const [training] = useState(createTrainingStore);
  useShortcuts(store);
  useEffect(() => startAutosave(store), [store]);
  useEffect(() => persistLayoutPreference(store), [store]);
  useEffect(() => () => training.getState().dispose(), [training]);
  return (
    <EditorProvider store={store}>
      <TrainingProvider store={training}>
        <CanvasRegistryProvider>
          <Shell />
        </CanvasRegistryProvider>
      </TrainingProvider>
    </EditorProvider>
  );
}

function Shell() {
  useShareLinks(useEditorApi());
  return (
    <div className="editor">
      <Header />
      <div className="editor-body">
        <NoticeBar />
        <Palette />
        <Canvases />
        <SidePanel />
      </div>
      <ProblemsPanel />
    </div>
  );
}

const ROLES: Role[] = ['generator', 'discriminator'];

function Canvases() {
  const t = useTranslations('roles');
  const store = useEditorApi();
  const layout = useEditor((s) => s.layout);
  const active = useEditor((s) => s.activeRole);
  if (layout === 'split') {
    return (
      <div className="canvases split">
        {ROLES.map((role) => (
          <GraphCanvas key={role} role={role} />
        ))}
      </div>
    );
  }
  return (
    <div className="canvases tabs">
      <div role="tablist" className="tab-bar">
        {ROLES.map((role) => (
          <button key={role} role="tab" type="button" aria-selected={active === role} data-testid={`tab-${role}`} onClick={() => store.getState().setActiveRole(role)}>
            {t('tab', { role })}
          </button>
        ))}
      </div>
      <GraphCanvas key={active} role={active} />
    </div>
  );
}
