/*
 * GANvas service worker: after the first visit the app opens and trains offline.
 *
 * The precache list is written after `next build` by scripts/precache-manifest.mjs into
 * <distDir>/static/ganvas-sw/precache.js, served at /_next/static/ganvas-sw/precache.js, which
 * sets self.__GANVAS_PRECACHE = { version, entries: [{ url, revision, lazy? }] }. This file never
 * changes between builds; the browser's update check compares imported scripts too (the page
 * registers with updateViaCache: 'none'), so a new build's list installs a new worker.
 *
 * - install: every entry that is not `lazy` goes into the cache `ganvas-precache-<version>`. An
 *   entry whose revision (a content hash) is unchanged is copied from the previous version's
 *   cache instead of downloaded again, so a redeploy costs only what changed.
 * - activate: caches of older versions are deleted; lazy entries cached at run time whose
 *   revision changed are dropped; the worker takes control of open pages at once.
 * - fetch (same-origin GET only):
 *   pages (navigations): network first; the precached page when the network fails or takes
 *     longer than NAVIGATION_TIMEOUT_MS. The precached page, not the last one fetched, so the
 *     HTML always matches the precached scripts.
 *   /_next/static/ (content-hashed), /data/, /tfjs-wasm/, /icons/: cache first, from the
 *     precache, else the run-time cache, else the network (and then kept in the run-time cache).
 *   React Server Component payloads: network only (offline, Next falls back to a page load).
 *   anything else precached (the web app manifest, the favicon): network first, cache fallback.
 */
'use strict';

const PREFIX = 'ganvas-';
const RUNTIME = 'ganvas-runtime-v1';
const REVISION_HEADER = 'x-ganvas-revision';
const NAVIGATION_TIMEOUT_MS = 4000;
const PARALLEL_DOWNLOADS = 6;
const CACHE_FIRST = ['/_next/static/', '/data/', '/tfjs-wasm/', '/icons/'];

importScripts('/_next/static/ganvas-sw/precache.js');

const MANIFEST = self.__GANVAS_PRECACHE;
const PRECACHE = `${PREFIX}precache-${MANIFEST.version}`;
const revisions = new Map(MANIFEST.entries.map((e) => [e.url, e.revision]));
const lazyRevisions = new Map(MANIFEST.entries.filter((e) => e.lazy).map((e) => [e.url, e.revision]));

/** A copy of `response` that remembers `revision` (and is no longer marked as redirected). */
async function withRevision(response, revision) {
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/** The older precaches' copy of `url` at `revision`, if one of them has it. */
async function previousCopy(names, url, revision) {
  for (const name of names) {
    const hit = await (await caches.open(name)).match(url);
    if (hit && hit.headers.get(REVISION_HEADER) === revision) return hit;
  }
  return undefined;
}

async function addEntry(cache, oldNames, entry) {
  const current = await cache.match(entry.url);
  if (current && current.headers.get(REVISION_HEADER) === entry.revision) return;
  const previous = await previousCopy(oldNames, entry.url, entry.revision);
  if (previous) return cache.put(entry.url, previous);
  const response = await fetch(entry.url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GANvas precache: ${entry.url} answered HTTP ${response.status}`);
  await cache.put(entry.url, await withRevision(response, entry.revision));
}

/** Fills this version's precache, a few downloads at a time; any failure fails the install. */
async function precache() {
  const cache = await caches.open(PRECACHE);
  const oldNames = (await caches.keys()).filter((n) => n.startsWith(`${PREFIX}precache-`) && n !== PRECACHE);
  const queue = MANIFEST.entries.filter((e) => !e.lazy);
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) await addEntry(cache, oldNames, entry);
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

async function cleanUp() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== PRECACHE && name !== RUNTIME) await caches.delete(name);
  }
  const runtime = await caches.open(RUNTIME);
  for (const request of await runtime.keys()) {
    const path = new URL(request.url).pathname;
    const hit = await runtime.match(request);
    const wanted = lazyRevisions.get(path);
    // Old builds' chunks and lazy files of another revision are not coming back.
    if (path.startsWith('/_next/static/') || (wanted !== undefined && hit?.headers.get(REVISION_HEADER) !== wanted)) await runtime.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(cleanUp().then(() => self.clients.claim()));
});

/**
 * A page must stay cross-origin isolated offline too (tfjs's threaded wasm needs it): a copy with
 * the two headers next.config.js sends, for a cached response that lacks them.
 */
async function isolated(response) {
  if (!response || response.headers.get('Cross-Origin-Embedder-Policy')) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function fromPrecache(key) {
  return (await caches.open(PRECACHE)).match(key, { ignoreVary: true });
}

/** The precache key of a page: its path without a trailing slash, query or hash. */
function pageKey(url) {
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

async function navigate(request, url) {
  const network = fetch(request);
  // When the cached page wins the race, a late network failure is expected, not an error.
  network.catch(() => undefined);
  try {
    const first = await Promise.race([network, new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null))]);
    if (first) return first;
    // A slow classroom network: show the cached page now if there is one, else keep waiting.
    return (await isolated(await fromPrecache(pageKey(url)))) ?? (await network);
  } catch (err) {
    const cached = await isolated(await fromPrecache(pageKey(url)));
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request, url) {
  const hit = (await fromPrecache(request.url)) ?? (await (await caches.open(RUNTIME)).match(request, { ignoreVary: true }));
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.status === 200) {
    const lazy = lazyRevisions.get(url.pathname);
    const copy = lazy === undefined ? response.clone() : await withRevision(response.clone(), lazy);
    await (await caches.open(RUNTIME)).put(request, copy);
  }
  return response;
}

async function networkFirst(request, url) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await fromPrecache(url.pathname);
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(navigate(request, url));
  if (request.headers.get('RSC') === '1' || url.searchParams.has('_rsc')) return;
  if (CACHE_FIRST.some((prefix) => url.pathname.startsWith(prefix))) return event.respondWith(cacheFirst(request, url));
  if (revisions.has(url.pathname)) return event.respondWith(networkFirst(request, url));
});
