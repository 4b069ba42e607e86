#!/usr/bin/env node
// Writes the service worker's precache list (public/sw.js reads it) after `next build`:
// <distDir>/static/ganvas-sw/precache.js, served at /_next/static/ganvas-sw/precache.js. Living in
// the build folder, each build (NEXT_DIST_DIR) has its own list. Run by `npm run build` (postbuild).
//
// The list: every file under <distDir>/static (source maps left out), every prerendered route
// (from prerender-manifest.json; Next's own /_not-found and /_global-error left out), and the
// public files the app fetches: the gzipped dataset packs, the tfjs wasm binaries, the icons and
// the quality meter's judges (public/judges/).
// Each entry's revision is a hash of its bytes. Entries marked `lazy` are not downloaded at install
// but cached on first use (Fashion-MNIST and its judge: 4.7 MB that a workshop on MNIST never needs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** URLs cached on first use rather than at install. */
export const LAZY_URLS = [
  '/data/fashion-mnist.bin.gz',
  ...['model.json', 'weights.bin', 'judge.json'].map((f) => `/judges/fashion-mnist/${f}`),
];
/** Where the list is written inside the build folder, and the URL it is served at. */
export const MANIFEST_PATH = join('static', 'ganvas-sw', 'precache.js');
export const MANIFEST_URL = '/_next/static/ganvas-sw/precache.js';

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );
}

const toUrl = (base, dir, file) => `${base}/${relative(dir, file).split(sep).join('/')}`;

/** The prerendered file of a route: `index.html` for `/`, else `<route>.html`, else `<route>.body`. */
function routeFile(distDir, route) {
  const stem = join(distDir, 'server', 'app', route === '/' ? 'index' : route.slice(1));
  return [`${stem}.html`, `${stem}.body`].find((f) => existsSync(f));
}

/** Public files worth caching: gzipped packs (not the raw ones, which only Node reads), wasm, icons, the quality meter's judges. */
function isPublicAsset(url) {
  if (url.startsWith('/data/')) return url.endsWith('.gz');
  return url.startsWith('/tfjs-wasm/') || url.startsWith('/icons/') || url.startsWith('/judges/');
}

/**
 * The precache entries of the build in `distDir` (relative to `root`), sorted by URL, each with
 * the file it comes from. `version` changes exactly when some entry's URL or revision does.
 * @throws Error when the folder holds no finished build
 */
export function precacheEntries(root, distDir) {
  const dist = join(root, distDir);
  const prerender = join(dist, 'prerender-manifest.json');
  if (!existsSync(prerender))
    throw new Error(`${relative(root, prerender)} not found: run \`next build\` first (NEXT_DIST_DIR=${distDir}).`);
  const entries = [];
  const add = (url, file, lazy = false) => entries.push({ url, revision: hash(readFileSync(file)), file, ...(lazy ? { lazy: true } : {}) });

  const staticDir = join(dist, 'static');
  const ownDir = join(dist, MANIFEST_PATH, '..');
  for (const file of filesUnder(staticDir)) {
    if (file.endsWith('.map') || file.startsWith(ownDir + sep)) continue;
    add(toUrl('/_next/static', staticDir, file), file);
  }
  for (const route of Object.keys(JSON.parse(readFileSync(prerender, 'utf8')).routes ?? {})) {
    if (route.startsWith('/_')) continue;
    const file = routeFile(dist, route);
    if (file) add(route, file);
  }
  const publicDir = join(root, 'public');
  for (const file of filesUnder(publicDir)) {
    const url = toUrl('', publicDir, file);
    if (isPublicAsset(url)) add(url, file, LAZY_URLS.includes(url));
  }
  entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = hash(entries.map((e) => `${e.url} ${e.revision}${e.lazy ? ' lazy' : ''}`).join('\n'));
  return { version, entries };
}

/** The build's framework files (Next.js and React runtime), from build-manifest.json. */
export function frameworkFiles(root, distDir) {
  const manifest = JSON.parse(readFileSync(join(root, distDir, 'build-manifest.json'), 'utf8'));
  return new Set([...(manifest.polyfillFiles ?? []), ...(manifest.rootMainFiles ?? [])].map((f) => `/_next/${f}`));
}

/** Writes the list for the service worker; returns what was written. */
export function writePrecacheManifest(root, distDir) {
  const { version, entries } = precacheEntries(root, distDir);
  const body = { version, entries: entries.map(({ url, revision, lazy }) => (lazy ? { url, revision, lazy } : { url, revision })) };
  const target = join(root, distDir, MANIFEST_PATH);
  mkdirSync(join(target, '..'), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, `self.__GANVAS_PRECACHE = ${JSON.stringify(body)};\n`);
  renameSync(tmp, target);
  return { target, version, entries };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  try {
    const { target, version, entries } = writePrecacheManifest(root, distDir);
    const eager = entries.filter((e) => !e.lazy);
    const bytes = eager.reduce((n, e) => n + statSync(e.file).size, 0);
    console.log(
      `precache-manifest: wrote ${relative(root, target)}: version ${version}, ${eager.length} files (${(bytes / 1e6).toFixed(2)} MB on disk) at install, ${entries.length - eager.length} on first use`,
    );
  } catch (err) {
    console.error(`precache-manifest: ${err.message}`);
    process.exit(1);
  }
}
