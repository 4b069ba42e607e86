import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A browser-like global scope: localStorage (optionally refusing writes), <html>'s dataset, window events. */
function fakeBrowser({ refuseStorage = false } = {}) {
  const store = new Map<string, string>();
  const listeners = new Set<(e: { key: string | null }) => void>();
  const dataset: Record<string, string> = {};
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuseStorage) throw new Error('QuotaExceededError');
      store.set(k, v);
    },
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('document', { documentElement: { dataset } });
  vi.stubGlobal('window', {
    addEventListener: (_type: string, fn: (e: { key: string | null }) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (e: { key: string | null }) => void) => listeners.delete(fn),
  });
  /** Another tab changed the key. */
  const otherTab = (key: string, value: string | null) => {
    if (value === null) store.delete(key);
    else store.set(key, value);
    for (const fn of listeners) fn({ key });
  };
  return { store, dataset, otherTab, listeners };
}

// The store keeps the session's choice in module state: every test gets a fresh module.
async function load() {
  vi.resetModules();
  const store = await import('@/components/presentation/presentation-store');
  const palette = await import('@/components/plot/palette');
  return { ...store, ...palette };
}

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('presentation mode', () => {
  it('is off by default; on, it is remembered, marks <html> and tells subscribers', async () => {
    const browser = fakeBrowser();
    const m = await load();
    expect(m.isPresenting()).toBe(false);
    expect(m.canvasFont(11)).toBe(`11px ${m.CANVAS_FONT}`);
    const changed = vi.fn();
    const unsubscribe = m.subscribePresentation(changed);
    m.setPresenting(true);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(browser.store.get(m.PRESENTATION_STORAGE_KEY)).toBe('on');
    expect(browser.dataset.presentation).toBe('on');
    expect(m.canvasFont(11, 600)).toBe(`600 15.4px ${m.CANVAS_FONT}`);
    expect(m.canvasLine(2)).toBeCloseTo(3.2);
    m.setPresenting(false);
    expect(browser.store.has(m.PRESENTATION_STORAGE_KEY)).toBe(false);
    expect(browser.dataset.presentation).toBeUndefined();
    unsubscribe();
    expect(browser.listeners.size).toBe(0);
  });

  it('a reload reads the remembered choice', async () => {
    const browser = fakeBrowser();
    browser.store.set('ganvas:presentation', 'on');
    const m = await load();
    expect(m.isPresenting()).toBe(true);
    m.applyPresentation();
    expect(browser.dataset.presentation).toBe('on');
  });

  it('holds for the session when the browser refuses storage', async () => {
    const browser = fakeBrowser({ refuseStorage: true });
    const m = await load();
    m.setPresenting(true);
    expect(m.isPresenting()).toBe(true);
    expect(browser.dataset.presentation).toBe('on');
  });

  it('follows a change made in another tab', async () => {
    const browser = fakeBrowser();
    const m = await load();
    const changed = vi.fn();
    m.subscribePresentation(changed);
    browser.otherTab('ganvas:locale', 'zh');
    expect(changed).not.toHaveBeenCalled();
    browser.otherTab('ganvas:presentation', 'on');
    expect(changed).toHaveBeenCalledTimes(1);
    expect(m.isPresenting()).toBe(true);
    expect(browser.dataset.presentation).toBe('on');
  });

  it('chart options: larger axis labels and room for them, thicker series lines, unchanged when off', async () => {
    // No fake window here: uPlot, which chart-options imports, would take it for a real DOM.
    const m = { ...(await load()), ...(await import('@/components/plot/chart-options')) };
    const options = m.metricsOptions([m.lineSeries('D loss', m.COLOURS.discriminator)], { auto: true });
    expect(m.presentOptions(options, false)).toBe(options);
    const on = m.presentOptions(options, true);
    expect(on.axes!.map((a) => a.font)).toEqual([`15px ${m.CANVAS_FONT}`, `15px ${m.CANVAS_FONT}`]);
    expect(on.axes!.map((a) => a.size)).toEqual(options.axes!.map((a) => Math.round((a.size as number) * m.PRESENTATION_TEXT_SCALE)));
    expect(on.series[0]).toBe(options.series[0]);
    expect(on.series[1]!.width).toBeCloseTo(1.5 * m.PRESENTATION_LINE_SCALE);
    expect(on.padding![1]).toBeGreaterThan(options.padding![1] as number);
  });
});
