'use client';

import { useStore } from 'zustand';
import type { EditorStore } from '@/lib/store/editor-store';
import { storeContext } from './context';

const editor = storeContext<EditorStore>('editor');

/** Provides one editor store to the page; the store is created by the caller. */
export const EditorProvider = editor.Provider;
/** The store itself, for actions and imperative reads; does not subscribe. */
export const useEditorApi = editor.useApi;
/** Subscribes to a slice of the editor state. */
export const useEditor = editor.useSelect;

/** Whether undo and redo have anything to do. */
export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const store = useEditorApi();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
