import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeImageSet, parseImageSet } from '@/lib/data/image-set';
import { gunzipIfNeeded, IMAGE_SET_URLS, isGzip, loadImageSet } from '@/lib/data/load-image-set';

const tiny = new Uint8Array(
  encodeImageSet({
    count: 3,
    shape: [2, 2, 1],
    pixels: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
    labels: Uint8Array.of(0, 1, 1),
    numClasses: 2,
  }),
);

/** A fetch that serves `bytes` (or a status) for one URL. */
function serve(url: string, body: Uint8Array | number) {
  return vi.fn(async (requested: string) => {
    if (requested !== url) return new Response(null, { status: 404 });
    return typeof body === 'number' ? new Response(null, { status: body }) : new Response(body.slice());
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('loading a packed image set', () => {
  it('reads a gzipped file and a plain one to the same set', async () => {
    vi.stubGlobal('fetch', serve('/a.bin.gz', gzipSync(tiny)));
    const fromGz = await loadImageSet('/a.bin.gz');
    vi.stubGlobal('fetch', serve('/a.bin', tiny));
    const fromPlain = await loadImageSet('/a.bin');
    expect(fromGz).toEqual(parseImageSet(tiny));
    expect(fromPlain).toEqual(parseImageSet(tiny));
  });

  it('names the URL when the gzip stream is corrupt or the request fails', async () => {
    const broken = gzipSync(tiny).subarray(0, 20);
    vi.stubGlobal('fetch', serve('/b.bin.gz', broken));
    await expect(loadImageSet('/b.bin.gz')).rejects.toThrow(/\/b\.bin\.gz: the gzipped data is corrupt/);
    vi.stubGlobal('fetch', serve('/c.bin.gz', 404));
    await expect(loadImageSet('/c.bin.gz')).rejects.toThrow(/Could not load \/c\.bin\.gz: HTTP 404/);
  });

  it('passes bytes that are not gzipped through unchanged', async () => {
    expect(isGzip(tiny)).toBe(false);
    expect(await gunzipIfNeeded(tiny)).toBe(tiny);
  });
});

describe('the served built-in packs', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
  });

  it.each(Object.entries(IMAGE_SET_URLS))('%s: the gzipped file the app fetches holds exactly the packed set', async (_id, url) => {
    const gz = new Uint8Array(readFileSync(`public${url}`));
    const raw = new Uint8Array(readFileSync(`public${url.replace(/\.gz$/, '')}`));
    expect(url).toMatch(/\.bin\.gz$/);
    expect(isGzip(gz)).toBe(true);
    // Lossless: byte for byte the plain pack, and a good deal smaller.
    expect(Buffer.from(await gunzipIfNeeded(gz)).equals(Buffer.from(raw))).toBe(true);
    expect(gz.length).toBeLessThan(raw.length * 0.6);
  });
});
