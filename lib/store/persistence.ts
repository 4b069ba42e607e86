import { get, set } from 'idb-keyval';
import { parseProjectText, serializeProject } from '../project/parse';
import type { GanProject } from '../project/schema';
import type { EditorStore, LayoutMode } from './editor-store';

const AUTOSAVE_KEY = 'ganvas:autosave';
const LAYOUT_KEY = 'ganvas:layout';

/** The autosaved project, or null when there is none or it no longer parses. */
export async function loadAutosave(key = AUTOSAVE_KEY): Promise<GanProject | null> {
  try {
    const text = await get<string>(key);
    if (typeof text !== 'string') return null;
    const result = parseProjectText(text);
    return result.ok ? result.project : null;
  } catch {
    return null;
  }
}

/** Writes the autosave at once: a project just opened from a link, before any edit would save it. */
export async function writeAutosave(project: GanProject, key = AUTOSAVE_KEY): Promise<void> {
  await set(key, serializeProject(project)).catch(() => undefined);
}

/**
 * Saves the project to IndexedDB after every change (debounced by 150 ms, so a burst of edits is
 * one write) and at once when the page is hidden. Returns the unsubscribe function.
 */
export function startAutosave(store: EditorStore, key = AUTOSAVE_KEY): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    void set(key, serializeProject(store.getState().project)).catch(() => undefined);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.project === prev.project) return;
    clearTimeout(timer);
    timer = setTimeout(write, 150);
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}

export function loadLayoutPreference(): LayoutMode | undefined {
  try {
    const value = localStorage.getItem(LAYOUT_KEY);
    return value === 'tabs' || value === 'split' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers tabs vs side by side across visits. */
export function persistLayoutPreference(store: EditorStore): () => void {
  return store.subscribe((state, prev) => {
    if (state.layout === prev.layout) return;
    try {
      localStorage.setItem(LAYOUT_KEY, state.layout);
    } catch {
      // Private browsing may refuse storage; the preference then lasts for this visit.
    }
  });
}
