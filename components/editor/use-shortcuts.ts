'use client';

import { useEffect } from 'react';
import type { EditorStore } from '@/lib/store/editor-store';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Editor-wide keys: undo/redo, delete, copy/paste/duplicate, select all, on the active network. */
export function useShortcuts(store: EditorStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target)) return;
      const state = store.getState();
      const role = state.activeRole;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) store.temporal.getState().undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) store.temporal.getState().redo();
      else if (mod && key === 'c') state.copy(role);
      else if (mod && key === 'v') state.paste(role);
      else if (mod && key === 'd') state.duplicate(role);
      else if (mod && key === 'a') state.selectAll(role);
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) state.deleteSelection(role);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
