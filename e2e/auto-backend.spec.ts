import { expect, test } from '@playwright/test';
import { PRESET_IDS } from '../lib/project/presets';
import { openEditor } from './support/editor';

// A newcomer's first minute: open a preset from the menu, press Train, leave the backend on auto.
// Nothing is pinned: whatever auto does on this machine is what is tested.
for (const preset of PRESET_IDS) {
  test(`${preset} from the Presets menu trains on auto: iteration 20 and a rate`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await openEditor(page);
    await page.getByTestId('presets').selectOption(preset);
    await page.getByTestId('side-train').click();
    await expect(page.getByTestId('backend-choice')).toHaveValue('auto');
    const pressed = Date.now();
    await page.getByTestId('train-play').click();
    const iteration = async () => Number(await page.getByTestId('iteration').innerText());
    await expect.poll(iteration, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    testInfo.annotations.push({ type: 'first iteration', description: `${Date.now() - pressed} ms after Train` });
    await expect.poll(iteration, { timeout: 180_000 }).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId('speed')).toHaveText(/^\d+(\.\d)? it\/s/);
    // The backend line names what runs now (wasm with its threads, or where auto moved the run) and why.
    await expect(page.getByTestId('backend')).toHaveText(
      /(wasm, \d+ threads?|webgpu|webgl)\s+(started at once|timed while training|stays on|measured on this machine|moved to|wasm ran)/,
    );
    // On more than one core, wasm's thread count is settled by what the run delivers on all of them and on one.
    const line = await page.getByTestId('backend').innerText();
    if (/^wasm/.test(line) && (await page.evaluate(() => navigator.hardwareConcurrency)) > 1) {
      await expect(page.getByTestId('backend')).toContainText(
        /wasm ran [\d.]+ ms an iteration on \d threads and [\d.]+ ms on 1; it stays on \d threads?/,
        { timeout: 60_000 },
      );
    }
    await page.screenshot({ path: testInfo.outputPath(`auto-${preset}.png`) });
    await page.getByTestId('train-pause').click();
    await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 60_000 });
  });
}

test('the app is cross-origin isolated on every route, and the backend line names wasm with its threads', async ({ page }) => {
  await openEditor(page);
  const { isolated, cores } = await page.evaluate(() => ({
    isolated: globalThis.crossOriginIsolated,
    cores: navigator.hardwareConcurrency,
  }));
  expect(isolated).toBe(true);
  const response = await page.request.get('/learn');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  await page.getByTestId('presets').selectOption('gan-1d-gaussian');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-step').click();
  expect(cores).toBeGreaterThan(0);
  await expect(page.getByTestId('backend')).toContainText(/wasm, \d+ threads?/, { timeout: 60_000 });
});
