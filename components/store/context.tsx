'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ExtractState } from 'zustand/vanilla';

/**
 * React's view of one vanilla zustand store from lib/store: a provider that hands the page's
 * store down, a hook for the store itself (actions, imperative reads; no subscription) and a hook
 * that subscribes to a slice. Selectors must return stable values or primitives.
 */
export function storeContext<S extends StoreApi<unknown>>(name: string) {
  const Context = createContext<S | null>(null);
  function Provider({ store, children }: { store: S; children: ReactNode }) {
    return <Context.Provider value={store}>{children}</Context.Provider>;
  }
  function useApi(): S {
    const store = useContext(Context);
    if (!store) throw new Error(`the ${name} store is used outside its provider`);
    return store;
  }
  function useSelect<T>(selector: (state: ExtractState<S>) => T): T {
    return useStore(useApi(), selector);
  }
  return { Provider, useApi, useSelect };
}
