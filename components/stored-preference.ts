'use client';

/**
 * A browser preference kept in localStorage (the language, presentation mode) that React can
 * subscribe to (useSyncExternalStore). The value set in this page wins over storage, so the
 * choice still holds for the session in a browser that refuses storage; a change in another tab
 * (a `storage` event) clears it and is passed on.
 */
export function storedPreference(key: string) {
  const listeners = new Set<() => void>();
  let chosen: { value: string | null } | null = null;

  return {
    /** The value: this page's choice, else what storage holds, else null. */
    read(): string | null {
      if (chosen) return chosen.value;
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    /** Remembers a value (null removes it) and tells every subscriber in this page. */
    write(value: string | null): void {
      chosen = { value };
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch {
        // Private mode or a full quota: the choice still holds until the page closes.
      }
      for (const listener of listeners) listener();
    },
    /** Calls `onChange` when the value changes, here or in another tab. */
    subscribe(onChange: () => void): () => void {
      const onStorage = (event: StorageEvent) => {
        if (event.key !== key) return;
        chosen = null;
        onChange();
      };
      listeners.add(onChange);
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(onChange);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}
