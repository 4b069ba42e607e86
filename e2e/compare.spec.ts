import { expect, test, type Page } from '@playwright/test';
import { openEditor } from './support/editor';

const count = async (page: Page, testId: string) => Number(await page.getByTestId(testId).innerText());

test('settings form changes the loss; Compare trains A and B in turn with overlaid charts', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-1d-gaussian');
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('training-panel')).toBeVisible();

  // One step, so the dashboard holds a run that a settings change makes stale.
  await page.getByTestId('train-step').click();
  await expect.poll(() => count(page, 'iteration'), { timeout: 30_000 }).toBe(1);
  const loss = page.getByTestId('setting-loss');
  await expect(loss).toHaveValue('non-saturating');
  await loss.selectOption('least-squares');
  await expect(page.getByTestId('training-panel')).toContainText('The design changed since this run started');
  // The setting is saved in the project: it survives leaving the tab and coming back.
  await page.getByTestId('side-inspector').click();
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('setting-loss')).toHaveValue('least-squares');

  // An invalid value says why and changes nothing; a valid one applies.
  const k = page.getByTestId('setting-k');
  await k.fill('0');
  await expect(page.getByTestId('setting-k-error')).toHaveText('Enter a whole number from 1 to 100.');
  await k.fill('2');
  await expect(page.getByTestId('setting-k-error')).toHaveCount(0);
  await k.fill('1');
  // WGAN-GP shows its penalty weight; other losses do not.
  await expect(page.getByTestId('setting-gradientPenalty')).toHaveCount(0);
  await loss.selectOption('wasserstein-gp');
  await expect(page.getByTestId('setting-gradientPenalty')).toHaveValue('10');
  // Back to the trained design: the stale note goes.
  await loss.selectOption('non-saturating');
  await expect(page.getByTestId('training-panel')).not.toContainText('The design changed since this run started');
  await page.screenshot({ path: testInfo.outputPath('settings.png') });

  const workersBefore = page.workers().length;
  await page.getByTestId('compare-open').click();
  const dialog = page.getByTestId('compare-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('compare-setting').selectOption('loss');
  await dialog.getByTestId('compare-value').selectOption('minimax');
  await dialog.getByTestId('compare-train').click();
  await expect.poll(() => count(page, 'compare-iteration-a'), { timeout: 30_000 }).toBeGreaterThan(30);
  await expect.poll(() => count(page, 'compare-iteration-b'), { timeout: 30_000 }).toBeGreaterThan(30);
  // Two more sessions, one per run: each is a worker (wasm's thread workers come on top).
  expect(page.workers().length).toBeGreaterThanOrEqual(workersBefore + 2);

  // Both runs' series are on each chart, named by the setting that differs.
  for (const chart of ['compare-loss-chart', 'compare-probability-chart']) {
    const series = dialog.getByTestId(chart).locator('.u-legend .u-series');
    await expect(series).toHaveCount(5);
    await expect(series.nth(1)).toContainText('A: non-saturating');
    await expect(series.nth(3)).toContainText('B: minimax');
    // The live legend reads numbers for both runs.
    await expect(series.nth(1).locator('.u-value')).toHaveText(/^-?\d/);
    await expect(series.nth(3).locator('.u-value')).toHaveText(/^-?\d/);
  }
  await expect(dialog.getByTestId('compare-picture-a')).toContainText('A: non-saturating');
  await expect(dialog.getByTestId('compare-picture-b').getByTestId('density-1d')).not.toContainText('Waiting');

  await dialog.getByTestId('compare-pause').click();
  await expect(dialog.getByTestId('compare-train')).toHaveText('Train both', { timeout: 20_000 });
  const a = await count(page, 'compare-iteration-a');
  // The pause lets B finish its turn: both stand at the same iteration, and stay there.
  expect(await count(page, 'compare-iteration-b')).toBe(a);
  await page.waitForTimeout(1000);
  expect(await count(page, 'compare-iteration-a')).toBe(a);
  await page.screenshot({ path: testInfo.outputPath('compare.png') });

  // Closing stops both runs and ends their workers.
  await dialog.getByTestId('compare-close').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.workers().length).toBe(workersBefore);
});
