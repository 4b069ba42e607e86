'use client';

import { useSyncExternalStore } from 'react';

/** Where the choice is remembered, like the language (components/i18n/locale-store.ts). */
export const PRESENTATION_STORAGE_KEY = 'ganvas:presentation';

// Presentation mode is a browser preference: it lives in localStorage, and this module lets React
// and the canvas drawing code read it. `chosen` covers a browser that refuses storage.
const listeners = new Set<() => void>();
let chosen: boolean | null = null;

function stored(): boolean {
  try {
    return localStorage.getItem(PRESENTATION_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Whether presentation mode (larger type, thicker lines, for projectors) is on. */
export function isPresenting(): boolean {
  return chosen ?? stored();
}

/** Puts `<html data-presentation>` in step with the choice; the CSS in app/globals.css keys on it. */
export function applyPresentation(on: boolean = isPresenting()): void {
  if (on) document.documentElement.dataset.presentation = 'on';
  else delete document.documentElement.dataset.presentation;
}

/** Switches presentation mode everywhere at once and remembers it. */
export function setPresenting(on: boolean): void {
  chosen = on;
  try {
    if (on) localStorage.setItem(PRESENTATION_STORAGE_KEY, 'on');
    else localStorage.removeItem(PRESENTATION_STORAGE_KEY);
  } catch {
    // Private mode or a full quota: the choice still holds until the page closes.
  }
  applyPresentation(on);
  for (const listener of listeners) listener();
}

/** Calls `onChange` when the mode changes, here or in another tab. */
export function subscribePresentation(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== PRESENTATION_STORAGE_KEY) return;
    chosen = null;
    applyPresentation();
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** Presentation mode as React state; false on the server and in the first client render. */
export function usePresentation(): boolean {
  return useSyncExternalStore(subscribePresentation, isPresenting, () => false);
}
