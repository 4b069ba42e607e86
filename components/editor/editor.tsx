'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useTranslations } from 'use-intl';
import type { Role } from '@/lib/project/kinds';
import type { EditorStore } from '@/lib/store/editor-store';
import type { Exercise } from '@/lib/classroom/exercise';
import { ExerciseProvider, useExerciseApi } from '@/components/store/exercise';
import { createExerciseStore } from '@/lib/store/exercise-store';
import { ExerciseBanner } from '../exercise/exercise-banner';
import { useExerciseLinks } from '../exercise/use-exercise-links';
import { persistLayoutPreference, startAutosave } from '@/lib/store/persistence';
import { EditorProvider, useEditor, useEditorApi } from '@/components/store/editor';
import { CanvasRegistryProvider } from '../canvas/canvas-registry';
import { GraphCanvas } from '../canvas/graph-canvas';
import { Palette } from '../palette/palette';
import { ProblemsPanel } from '../problems/problems-panel';
import { createTrainingStore, type TrainingStore } from '@/lib/store/training-store';
import { TrainingProvider } from '@/components/store/training';
import { SlowMotionProvider } from '@/components/store/slow-motion';
import { Header } from './header';
import { SidePanel } from './side-panel';
import { NoticeBar } from './notice-bar';
import { useShareLinks } from './use-share-links';

export interface EditorProps {
  store: EditorStore;
  /** A column left of the palette (a lesson's steps). */
  aside?: ReactNode;
  /**
   * Where this editor keeps its work: the user's project by default. A lesson passes its own
   * keys, so its project and checkpoints never overwrite the user's.
   */
  workspace?: { autosaveKey: string; checkpointKey: string };
  /** Opens in exercise mode (from a link, or kept across a reload). */
  exercise?: { exercise: Exercise; completed?: boolean } | null;
}

/** The editor page: header, palette, the two canvases, inspector and problems. */
export function Editor({ store, aside, workspace, exercise }: EditorProps) {
  const [training] = useState(() => createTrainingStore(workspace ? { checkpointKey: workspace.checkpointKey } : {}));
  const autosaveKey = workspace?.autosaveKey;
  // Exercise links and the kept exercise belong to the user's own project, not to a workspace's.
  const [exercises] = useState(() => createExerciseStore(store, exercise ?? null, { persist: !workspace }));
  useEffect(() => startAutosave(store, autosaveKey), [store, autosaveKey]);
  useEffect(() => persistLayoutPreference(store), [store]);
  useEffect(() => () => training.getState().dispose(), [training]);
  usePreparedTraining(store, training);
  return (
    <EditorProvider store={store}>
      <ExerciseProvider store={exercises}>
        <TrainingProvider store={training}>
          <SlowMotionProvider>
            <CanvasRegistryProvider>
              <Shell aside={aside} exerciseLinks={!workspace} />
            </CanvasRegistryProvider>
          </SlowMotionProvider>
        </TrainingProvider>
      </ExerciseProvider>
    </EditorProvider>
  );
}

/**
 * Once the page is idle, the worker starts its backends and unpacks the design's built-in images,
 * so that pressing Train starts training at once; again when the design's dataset changes.
 */
function usePreparedTraining(store: EditorStore, training: TrainingStore) {
  const dataset = useStore(store, (s) => s.project.dataset.id);
  useEffect(() => {
    const prepare = () => training.getState().prepare(store.getState().project.dataset);
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(prepare, 500);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(prepare, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, [store, training, dataset]);
}

function Shell({ aside, exerciseLinks }: { aside?: ReactNode; exerciseLinks: boolean }) {
  useShareLinks(useEditorApi());
  useExerciseLinks(useEditorApi(), useExerciseApi(), exerciseLinks);
  return (
    <div className="editor">
      <Header />
      <ExerciseBanner />
      <div className={aside ? 'editor-body with-aside' : 'editor-body'}>
        <NoticeBar />
        {aside}
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
          <button
            key={role}
            role="tab"
            type="button"
            aria-selected={active === role}
            data-testid={`tab-${role}`}
            onClick={() => store.getState().setActiveRole(role)}
          >
            {t('tab', { role })}
          </button>
        ))}
      </div>
      <GraphCanvas key={active} role={active} />
    </div>
  );
}
