import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * Runs the real public/sw.js in a VM context with an in-memory Cache Storage and a scripted
 * network, and drives it with install, activate and fetch events as a browser would.
 */
const SOURCE = readFileSync('public/sw.js', 'utf8');
const ORIGIN = 'https://ganvas.test';

interface Entry {
  url: string;
  revision: string;
  lazy?: true;
}

type RequestLike = { url: string; method: string; mode: string; headers: Headers };
const urlOf = (r: string | RequestLike) => new URL(typeof r === 'string' ? r : r.url, ORIGIN).href;

class FakeCache {
  readonly items = new Map<string, Response>();
  async match(r: string | RequestLike, opts?: { ignoreSearch?: boolean }) {
    const key = urlOf(r);
    const hit = this.items.get(opts?.ignoreSearch ? key.split('?')[0]! : key);
    return hit?.clone();
  }
  async put(r: string | RequestLike, response: Response) {
    this.items.set(urlOf(r), response);
  }
  async keys() {
    return [...this.items.keys()].map((url) => ({ url }));
  }
  async delete(r: string | RequestLike) {
    return this.items.delete(urlOf(r));
  }
}

class FakeCacheStorage {
  readonly stores = new Map<string, FakeCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache());
    return this.stores.get(name)!;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

/** The server: path -> body. `offline` makes every request fail; `hang` never answers. */
class Network {
  files = new Map<string, string>();
  offline = false;
  hang = false;
  requests: string[] = [];
  fetch = async (r: string | RequestLike): Promise<Response> => {
    const url = new URL(urlOf(r));
    this.requests.push(url.pathname);
    if (this.offline) throw new TypeError('Failed to fetch');
    if (this.hang) return new Promise<Response>(() => undefined);
    const body = this.files.get(url.pathname);
    return body === undefined
      ? new Response('missing', { status: 404 })
      : new Response(body, { status: 200, headers: { 'content-type': 'text/plain' } });
  };
}

/** One worker instance of public/sw.js, with the given precache list. */
function startWorker(manifest: { version: string; entries: Entry[] }, caches: FakeCacheStorage, network: Network) {
  const handlers: Record<string, (event: unknown) => void> = {};
  const calls = { skipWaiting: 0, claim: 0, imported: [] as string[] };
  const context: Record<string, unknown> = {
    caches,
    fetch: network.fetch,
    Headers,
    Response,
    URL,
    console,
    // Timers run 1000 times faster, so the 4 s navigation timeout takes 4 ms.
    setTimeout: (fn: (...a: unknown[]) => void, ms: number, ...args: unknown[]) => setTimeout(fn, ms / 1000, ...args),
    location: { origin: ORIGIN },
    addEventListener: (type: string, handler: (event: unknown) => void) => (handlers[type] = handler),
    skipWaiting: async () => void calls.skipWaiting++,
    clients: { claim: async () => void calls.claim++ },
    importScripts: (url: string) => {
      calls.imported.push(url);
      context.__GANVAS_PRECACHE = manifest;
    },
  };
  context.self = context;
  runInContext(SOURCE, createContext(context));

  const lifecycle = async (type: 'install' | 'activate') => {
    const waits: Promise<unknown>[] = [];
    handlers[type]!({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  /** A fetch event; resolves to the worker's response, or null when it let the browser handle it. */
  const request = async (path: string, init: { mode?: string; method?: string; headers?: Record<string, string> } = {}) => {
    let responded: Promise<Response> | null = null;
    const req: RequestLike = {
      url: new URL(path, ORIGIN).href,
      method: init.method ?? 'GET',
      mode: init.mode ?? 'cors',
      headers: new Headers(init.headers),
    };
    handlers.fetch!({ request: req, respondWith: (p: Promise<Response>) => (responded = p) });
    return responded ? await (responded as Promise<Response>) : null;
  };
  return { calls, lifecycle, request };
}

const FILES: Record<string, string> = {
  '/': '<html>editor v1</html>',
  '/learn': '<html>lessons v1</html>',
  '/_next/static/chunks/app-1.js': 'app v1',
  '/data/mnist.bin.gz': 'mnist v1',
  '/data/fashion-mnist.bin.gz': 'fashion v1',
  '/tfjs-wasm/tfjs-backend-wasm.wasm': 'wasm v1',
  '/manifest.webmanifest': '{"name":"GANvas"}',
};
const V1: { version: string; entries: Entry[] } = {
  version: 'v1',
  entries: [
    { url: '/', revision: 'r-editor-1' },
    { url: '/learn', revision: 'r-learn-1' },
    { url: '/_next/static/chunks/app-1.js', revision: 'r-app-1' },
    { url: '/data/mnist.bin.gz', revision: 'r-mnist-1' },
    { url: '/data/fashion-mnist.bin.gz', revision: 'r-fashion-1', lazy: true },
    { url: '/tfjs-wasm/tfjs-backend-wasm.wasm', revision: 'r-wasm-1' },
    { url: '/manifest.webmanifest', revision: 'r-manifest-1' },
  ],
};

async function installed(manifest = V1) {
  const caches = new FakeCacheStorage();
  const network = new Network();
  network.files = new Map(Object.entries(FILES));
  const sw = startWorker(manifest, caches, network);
  await sw.lifecycle('install');
  await sw.lifecycle('activate');
  network.requests = [];
  return { caches, network, sw };
}

describe('the service worker (public/sw.js)', () => {
  it('imports the precache list from the build folder', async () => {
    const { sw } = await installed();
    expect(sw.calls.imported).toEqual(['/_next/static/ganvas-sw/precache.js']);
  });

  it('precaches every entry but the lazy ones at install, tagged with its revision, then takes over', async () => {
    const { caches, sw } = await installed();
    const precache = caches.stores.get('ganvas-precache-v1')!;
    expect([...precache.items.keys()].map((u) => new URL(u).pathname).sort()).toEqual([
      '/',
      '/_next/static/chunks/app-1.js',
      '/data/mnist.bin.gz',
      '/learn',
      '/manifest.webmanifest',
      '/tfjs-wasm/tfjs-backend-wasm.wasm',
    ]);
    expect((await precache.match('/data/mnist.bin.gz'))!.headers.get('x-ganvas-revision')).toBe('r-mnist-1');
    expect(sw.calls.skipWaiting).toBe(1);
    expect(sw.calls.claim).toBe(1);
  });

  it('fails the install when a file cannot be fetched, so a half-filled cache never takes over', async () => {
    const network = new Network();
    network.files = new Map(Object.entries(FILES));
    network.files.delete('/data/mnist.bin.gz');
    const sw = startWorker(V1, new FakeCacheStorage(), network);
    await expect(sw.lifecycle('install')).rejects.toThrow(/\/data\/mnist\.bin\.gz answered HTTP 404/);
    expect(sw.calls.skipWaiting).toBe(0);
  });

  it('offline: pages, chunks, datasets and wasm come from the cache', async () => {
    const { network, sw } = await installed();
    network.offline = true;
    expect(await (await sw.request('/', { mode: 'navigate' }))!.text()).toBe('<html>editor v1</html>');
    expect(await (await sw.request('/learn/?from=editor', { mode: 'navigate' }))!.text()).toBe('<html>lessons v1</html>');
    expect(await (await sw.request('/_next/static/chunks/app-1.js'))!.text()).toBe('app v1');
    expect(await (await sw.request('/data/mnist.bin.gz'))!.text()).toBe('mnist v1');
    expect(await (await sw.request('/tfjs-wasm/tfjs-backend-wasm.wasm'))!.text()).toBe('wasm v1');
    expect(await (await sw.request('/manifest.webmanifest'))!.text()).toBe('{"name":"GANvas"}');
    // A page that was never cached fails as it would without the worker.
    await expect(sw.request('/nowhere', { mode: 'navigate' })).rejects.toThrow(/Failed to fetch/);
  });

  it('offline, a page comes cross-origin isolated (COOP + COEP), so threaded wasm still loads', async () => {
    const { network, sw } = await installed();
    network.offline = true;
    const page = (await sw.request('/', { mode: 'navigate' }))!;
    expect(page.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(page.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(await page.text()).toBe('<html>editor v1</html>');
  });

  it('online: pages come from the network first; hashed files and datasets from the cache without a request', async () => {
    const { network, sw } = await installed();
    network.files.set('/', '<html>editor v2</html>');
    expect(await (await sw.request('/', { mode: 'navigate' }))!.text()).toBe('<html>editor v2</html>');
    expect(await (await sw.request('/data/mnist.bin.gz'))!.text()).toBe('mnist v1');
    expect(await (await sw.request('/_next/static/chunks/app-1.js'))!.text()).toBe('app v1');
    expect(network.requests).toEqual(['/']);
  });

  it('a network that does not answer gets the cached page after the timeout', async () => {
    const { network, sw } = await installed();
    network.hang = true;
    expect(await (await sw.request('/', { mode: 'navigate' }))!.text()).toBe('<html>editor v1</html>');
  });

  it('caches a lazy dataset on first use, with its revision, and serves it offline after', async () => {
    const { caches, network, sw } = await installed();
    expect(await (await sw.request('/data/fashion-mnist.bin.gz'))!.text()).toBe('fashion v1');
    network.offline = true;
    expect(await (await sw.request('/data/fashion-mnist.bin.gz'))!.text()).toBe('fashion v1');
    expect(network.requests).toEqual(['/data/fashion-mnist.bin.gz']);
    expect((await caches.stores.get('ganvas-runtime-v1')!.match('/data/fashion-mnist.bin.gz'))!.headers.get('x-ganvas-revision')).toBe(
      'r-fashion-1',
    );
  });

  it('leaves RSC payloads, other methods and other origins to the browser', async () => {
    const { sw } = await installed();
    expect(await sw.request('/learn?_rsc=abc', { headers: { RSC: '1' } })).toBeNull();
    expect(await sw.request('/data/mnist.bin.gz', { method: 'POST' })).toBeNull();
    expect(await sw.request('https://elsewhere.test/data/mnist.bin.gz')).toBeNull();
  });

  it('a new build downloads only what changed, then deletes the old version and stale run-time entries', async () => {
    const { caches, network, sw } = await installed();
    await sw.request('/data/fashion-mnist.bin.gz');
    network.files.set('/_next/static/chunks/not-in-the-list.js', 'loaded at run time');
    expect(await (await sw.request('/_next/static/chunks/not-in-the-list.js'))!.text()).toBe('loaded at run time');
    expect(caches.stores.get('ganvas-runtime-v1')!.items.size).toBe(2);
    network.files.set('/_next/static/chunks/app-2.js', 'app v2');
    network.files.set('/', '<html>editor v2</html>');
    network.files.set('/data/fashion-mnist.bin.gz', 'fashion v2');
    const v2 = {
      version: 'v2',
      entries: V1.entries
        .filter((e) => e.url !== '/_next/static/chunks/app-1.js')
        .map((e) =>
          e.url === '/' ? { ...e, revision: 'r-editor-2' } : e.url === '/data/fashion-mnist.bin.gz' ? { ...e, revision: 'r-fashion-2' } : e,
        )
        .concat({ url: '/_next/static/chunks/app-2.js', revision: 'r-app-2' }),
    };
    network.requests = [];
    const next = startWorker(v2, caches, network);
    await next.lifecycle('install');
    expect(network.requests.sort()).toEqual(['/', '/_next/static/chunks/app-2.js']);
    await next.lifecycle('activate');
    expect([...caches.stores.keys()].sort()).toEqual(['ganvas-precache-v2', 'ganvas-runtime-v1']);
    // The old build's chunk and the old Fashion-MNIST revision are dropped (fetched again on next use).
    expect(caches.stores.get('ganvas-runtime-v1')!.items.size).toBe(0);
    network.offline = true;
    expect(await (await next.request('/', { mode: 'navigate' }))!.text()).toBe('<html>editor v2</html>');
    expect(await (await next.request('/data/mnist.bin.gz'))!.text()).toBe('mnist v1');
  });
});
