'use client';

import { createContext, useContext, useRef, type ReactNode } from 'react';
import type { Role } from '@/lib/project/kinds';

/** What a mounted canvas offers the rest of the editor. */
export interface CanvasHandle {
  /** The flow coordinates of the visible centre, where keyboard-added layers go. */
  centre(): { x: number; y: number };
}

type Registry = Map<Role, CanvasHandle>;
const RegistryContext = createContext<Registry | null>(null);

export function CanvasRegistryProvider({ children }: { children: ReactNode }) {
  const registry = useRef<Registry>(new Map());
  return <RegistryContext.Provider value={registry.current}>{children}</RegistryContext.Provider>;
}

export function useCanvasRegistry(): Registry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useCanvasRegistry must be used inside <CanvasRegistryProvider>');
  return registry;
}
