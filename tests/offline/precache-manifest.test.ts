import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameworkFiles, precacheEntries, writePrecacheManifest } from '../../scripts/precache-manifest.mjs';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A finished build in `.next-x` and a public folder, as `next build` and the prebuild scripts leave them. */
function fixture() {
  write(
    '.next-x/prerender-manifest.json',
    JSON.stringify({
      routes: {
        '/': {},
        '/learn': {},
        '/learn/the-game': {},
        '/_not-found': {},
        '/_global-error': {},
        '/favicon.ico': {},
        '/manifest.webmanifest': {},
      },
    }),
  );
  write(
    '.next-x/build-manifest.json',
    JSON.stringify({ polyfillFiles: ['static/chunks/poly.js'], rootMainFiles: ['static/chunks/react.js', 'static/chunks/turbopack-x.js'] }),
  );
  write('.next-x/server/app/index.html', '<html>editor</html>');
  write('.next-x/server/app/learn.html', '<html>lessons</html>');
  write('.next-x/server/app/learn/the-game.html', '<html>the game</html>');
  write('.next-x/server/app/_not-found.html', '<html>404</html>');
  write('.next-x/server/app/favicon.ico.body', 'ico');
  write('.next-x/server/app/manifest.webmanifest.body', '{"name":"GANvas"}');
  write('.next-x/static/chunks/app.js', 'app code');
  write('.next-x/static/chunks/app.js.map', 'source map');
  write('.next-x/static/chunks/react.js', 'react');
  write('.next-x/static/chunks/app.css', 'css');
  write('.next-x/static/BUILD/_buildManifest.js', 'manifest');
  write('.next-x/static/ganvas-sw/precache.js', 'the previous list');
  write('public/data/mnist.bin', 'raw');
  write('public/data/mnist.bin.gz', 'gz mnist');
  write('public/data/fashion-mnist.bin', 'raw');
  write('public/data/fashion-mnist.bin.gz', 'gz fashion');
  write('public/tfjs-wasm/tfjs-backend-wasm.wasm', 'wasm');
  write('public/icons/icon-192.png', 'png');
  write('public/judges/mnist/weights.bin', 'mnist judge');
  write('public/judges/fashion-mnist/weights.bin', 'fashion judge');
  write('public/sw.js', 'worker');
  write('public/notes.txt', 'not fetched by the app');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ganvas-precache-'));
  fixture();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the precache list', () => {
  it('holds the static files, the prerendered pages and the public files the app fetches', () => {
    const { entries } = precacheEntries(root, '.next-x');
    expect(entries.map((e) => e.url)).toEqual([
      '/',
      '/_next/static/BUILD/_buildManifest.js',
      '/_next/static/chunks/app.css',
      '/_next/static/chunks/app.js',
      '/_next/static/chunks/react.js',
      '/data/fashion-mnist.bin.gz',
      '/data/mnist.bin.gz',
      '/favicon.ico',
      '/icons/icon-192.png',
      '/judges/fashion-mnist/weights.bin',
      '/judges/mnist/weights.bin',
      '/learn',
      '/learn/the-game',
      '/manifest.webmanifest',
      '/tfjs-wasm/tfjs-backend-wasm.wasm',
    ]);
    const byUrl = Object.fromEntries(entries.map((e) => [e.url, e]));
    expect(byUrl['/']!.revision).toBe(sha('<html>editor</html>'));
    expect(byUrl['/_next/static/chunks/app.js']!.revision).toBe(sha('app code'));
    expect(byUrl['/data/mnist.bin.gz']!.revision).toBe(sha('gz mnist'));
    // Fashion-MNIST and its judge are fetched on first use, not at install.
    expect(entries.filter((e) => e.lazy).map((e) => e.url)).toEqual(['/data/fashion-mnist.bin.gz', '/judges/fashion-mnist/weights.bin']);
  });

  it('changes version exactly when some file changes', () => {
    const first = precacheEntries(root, '.next-x').version;
    expect(precacheEntries(root, '.next-x').version).toBe(first);
    write('public/data/mnist.bin.gz', 'gz mnist, repacked');
    const second = precacheEntries(root, '.next-x').version;
    expect(second).not.toBe(first);
    write('public/notes.txt', 'edited, but not in the list');
    expect(precacheEntries(root, '.next-x').version).toBe(second);
  });

  it('reads the build folder it is given and refuses one without a build', () => {
    expect(() => precacheEntries(root, '.next-missing')).toThrow(
      /\.next-missing\/prerender-manifest\.json not found: run `next build` first \(NEXT_DIST_DIR=\.next-missing\)/,
    );
  });

  it('names the framework files from build-manifest.json', () => {
    expect([...frameworkFiles(root, '.next-x')].sort()).toEqual([
      '/_next/static/chunks/poly.js',
      '/_next/static/chunks/react.js',
      '/_next/static/chunks/turbopack-x.js',
    ]);
  });

  it('writes the script the service worker imports, inside the build folder', () => {
    const { target, version } = writePrecacheManifest(root, '.next-x');
    expect(target).toBe(join(root, '.next-x/static/ganvas-sw/precache.js'));
    const self: { __GANVAS_PRECACHE?: { version: string; entries: { url: string; revision: string; file?: string }[] } } = {};
    runInNewContext(readFileSync(target, 'utf8'), { self });
    expect(self.__GANVAS_PRECACHE!.version).toBe(version);
    expect(self.__GANVAS_PRECACHE!.entries).toHaveLength(15);
    // Paths on the build machine stay there.
    expect(self.__GANVAS_PRECACHE!.entries.some((e) => 'file' in e)).toBe(false);
  });
});
