/** One file the service worker caches: its URL, a hash of its bytes, and where it came from. */
export interface PrecacheEntry {
  url: string;
  revision: string;
  file: string;
  /** Cached on first use instead of at install. */
  lazy?: true;
}

export const LAZY_URLS: string[];
export const MANIFEST_PATH: string;
export const MANIFEST_URL: string;
export function precacheEntries(root: string, distDir: string): { version: string; entries: PrecacheEntry[] };
export function frameworkFiles(root: string, distDir: string): Set<string>;
export function writePrecacheManifest(root: string, distDir: string): { target: string; version: string; entries: PrecacheEntry[] };
