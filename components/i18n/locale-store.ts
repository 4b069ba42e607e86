'use client';

import { LOCALE_STORAGE_KEY, pickLocale, type Locale } from '@/lib/i18n/locale';

// The language is a browser preference, like the layout: it lives in localStorage, and this
// module only lets React subscribe to it (useSyncExternalStore). `chosen` covers a browser that
// refuses storage, so the switch still works for the session.
const listeners = new Set<() => void>();
let chosen: Locale | null = null;

function stored(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language to show now: the remembered choice, else the browser's preference. */
export function currentLocale(): Locale {
  return chosen ?? pickLocale(stored(), navigator.language);
}

/** Switches the language everywhere at once and remembers it. */
export function chooseLocale(locale: Locale): void {
  chosen = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or a full quota: the choice still holds until the page closes.
  }
  for (const listener of listeners) listener();
}

/** Calls `onChange` when the language changes, here or in another tab. */
export function subscribeLocale(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== LOCALE_STORAGE_KEY) return;
    chosen = null;
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}
