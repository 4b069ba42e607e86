'use client';

import { useSyncExternalStore } from 'react';
import { storedPreference } from '../stored-preference';

/** Where the choice is remembered, like the language (components/i18n/locale-store.ts). */
export const PRESENTATION_STORAGE_KEY = 'ganvas:presentation';

// Presentation mode is a browser preference: it lives in localStorage, and this module lets React
// and the canvas drawing code read it.
const preference = storedPreference(PRESENTATION_STORAGE_KEY);

/** Whether presentation mode (larger type, thicker lines, for projectors) is on. */
export function isPresenting(): boolean {
  return preference.read() === 'on';
}

/** Puts `<html data-presentation>` in step with the choice; the CSS in app/globals.css keys on it. */
export function applyPresentation(on: boolean = isPresenting()): void {
  if (on) document.documentElement.dataset.presentation = 'on';
  else delete document.documentElement.dataset.presentation;
}

/** Switches presentation mode everywhere at once and remembers it. */
export function setPresenting(on: boolean): void {
  applyPresentation(on);
  preference.write(on ? 'on' : null);
}

/** Calls `onChange` when the mode changes, here or in another tab. */
export function subscribePresentation(onChange: () => void): () => void {
  return preference.subscribe(() => {
    applyPresentation();
    onChange();
  });
}

/** Presentation mode as React state; false on the server and in the first client render. */
export function usePresentation(): boolean {
  return useSyncExternalStore(subscribePresentation, isPresenting, () => false);
}
