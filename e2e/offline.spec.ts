import { expect, test, type Page } from '@playwright/test';
import { openEditor } from './support/editor';

// The rest of the suite blocks service workers (playwright.config.ts); this spec is about them.
test.use({ serviceWorkers: 'allow' });

/** What the page's service worker has: whether it controls the page, and what its precache holds. */
function offlineState(page: Page) {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((n) => n.startsWith('ganvas-precache-'));
    const cache = precache ? await caches.open(precache) : null;
    const has = async (url: string) => Boolean(cache && (await cache.match(url)));
    return {
      controlled: navigator.serviceWorker.controller !== null,
      mnist: await has('/data/mnist.bin.gz'),
      wasm: await has('/tfjs-wasm/tfjs-backend-wasm-simd.wasm'),
      editor: await has('/'),
      lessons: await has('/learn'),
      entries: cache ? (await cache.keys()).length : 0,
    };
  });
}

test('after the first visit the editor opens offline and MNIST trains', async ({ page, context }, testInfo) => {
  test.setTimeout(90_000);
  await openEditor(page);
  // The worker installs (precaching the app, MNIST and the wasm binaries), activates and takes over.
  await expect.poll(async () => (await offlineState(page)).controlled, { timeout: 45_000 }).toBe(true);
  const state = await offlineState(page);
  expect(state).toMatchObject({ controlled: true, mnist: true, wasm: true, editor: true, lessons: true });
  expect(state.entries).toBeGreaterThan(20);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.layer-node').first()).toBeVisible();
  // The network is really gone (Chromium no longer reports emulated offline in navigator.onLine):
  // a request the service worker does not hold fails.
  const probe = await page.evaluate(() =>
    fetch(`/not-cached-${Date.now()}`, { cache: 'no-store' }).then(
      (r) => `HTTP ${r.status}`,
      () => 'unreachable',
    ),
  );
  expect(probe).toBe('unreachable');

  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  await page.getByTestId('side-train').click();
  // The wasm backend: its binary, like MNIST, must come from the worker's cache.
  await page.getByTestId('backend-choice').selectOption('wasm');
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('backend')).toContainText('wasm', { timeout: 30_000 });
  const iteration = async () => Number(await page.getByTestId('iteration').innerText());
  await expect.poll(iteration, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('training-panel')).not.toContainText(/Could not load/);
  // The quality meter's judge comes from the cache too.
  await expect(page.getByTestId('quality-charts')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('offline-mnist.png') });
  await page.screenshot({ path: 'test-results/offline-mnist.png' });
  await page.getByTestId('train-pause').click();

  // The lessons were precached too: the header's link opens them offline.
  await page.getByTestId('learn-link').click();
  await expect(page.locator('.lesson-card').first()).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/learn$/);
});
