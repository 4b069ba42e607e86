'use client';

import { useEffect } from 'react';

/**
 * Registers public/sw.js in production builds, so that after the first visit the app opens and
 * trains offline. `updateViaCache: 'none'` makes the browser's update check skip the HTTP cache
 * for the worker's imported precache list, which is where a new build shows up. Development
 * builds have no precache list and are left without a worker. Renders nothing.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((err: unknown) => {
      // Offline support is an extra: the app works the same without it.
      console.info('GANvas: offline support is unavailable:', err instanceof Error ? err.message : err);
    });
  }, []);
  return null;
}
