import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetProject } from '@/lib/project/presets';
import { decodeShare, encodeShare, shareFromHash } from '@/lib/project/share';

describe('share links', () => {
  it.each(PRESET_IDS)('round-trips %s', async (id) => {
    const project = presetProject(id);
    const encoded = await encodeShare(project);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(encoded)).toEqual({ ok: true, project });
  });

  it('finds the project in the hash', () => {
    expect(shareFromHash('#p=abc')).toBe('abc');
    expect(shareFromHash('#x=1')).toBeNull();
    expect(shareFromHash('')).toBeNull();
  });

  it('refuses damaged, truncated, hostile and bomb links without throwing', async () => {
    const good = await encodeShare(presetProject('dcgan-mnist'));
    for (const bad of ['%%%', 'AAAA', good.slice(0, good.length / 2), `${good}x!`, 'A'.repeat(3_000_000)]) {
      const result = await decodeShare(bad);
      expect(result.ok, bad.slice(0, 20)).toBe(false);
    }
    // 50 MB of zeros compresses to a few KB; it must be cut off, not inflated.
    const bomb = new Uint8Array(50 * 1024 * 1024);
    const stream = new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (const b of packed) binary += String.fromCharCode(b);
    const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const result = await decodeShare(encoded);
    expect(result.ok || result.errors[0]!.en).toMatch(/more than 5 MB/);
  });
});
