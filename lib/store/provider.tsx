'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store';

const EditorContext = createContext<EditorStore | null>(null);

/** Provides one editor store to the page; the store is created by the caller. */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The store itself, for actions and imperative reads; does not subscribe. */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorApi must be used inside <EditorProvider>');
  return store;
}

/** Subscribes to a slice of the editor state. Selectors must return stable values or primitives. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

/** Whether undo and redo have anything to do. */
export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const store = useEditorApi();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
