import { expect, test, type Page } from '@playwright/test';
import { openEditor } from './support/editor';

const legendValue = (page: Page, chart: string, series: number) =>
  page.getByTestId(chart).locator('.u-legend .u-series').nth(series).locator('.u-value');

// The image quality meter, as a class meets it: open an MNIST preset, press Train, and read how
// good the digits are (FID, classes covered, score, and for a conditional G, label accuracy).
test('an MNIST preset shows the quality meter while it trains, against real images, in English and Chinese', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('cgan-mnist');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-play').click();
  const charts = page.getByTestId('quality-charts');
  await expect(charts).toBeVisible({ timeout: 120_000 });
  // An untrained G is far from the digits: a large FID, and the legend shows it live.
  await expect.poll(async () => Number(await legendValue(page, 'quality-fid', 1).innerText()), { timeout: 30_000 }).toBeGreaterThan(0);
  // A new reading every few seconds: the chart's newest iteration moves on.
  const readAt = async () => Number(await legendValue(page, 'quality-fid', 0).innerText());
  const first = await readAt();
  await expect.poll(readAt, { timeout: 60_000 }).toBeGreaterThan(first);
  const classes = Number(await legendValue(page, 'quality-coverage', 1).innerText());
  expect(classes).toBeGreaterThanOrEqual(0);
  expect(classes).toBeLessThanOrEqual(10);
  await expect(page.getByTestId('quality-labels')).toBeVisible();
  await expect(page.getByTestId('quality-fid')).toContainText(/dashed: real images, \d+\.\d\d/);
  await expect(page.getByTestId('quality-fid').locator('header')).toHaveAttribute(
    'title',
    /Fréchet distance .*right on \d+\.\d% of held-out images/,
  );
  await expect(page.getByTestId('quality-labels')).toContainText(/the classifier on real images, \d+\.\d%/);
  await charts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('quality-en.png') });
  await page.getByTestId('locale').selectOption('zh');
  await expect(page.getByTestId('quality-fid')).toContainText('图像质量');
  await expect(page.getByTestId('quality-coverage')).toContainText('生成了几种数字');
  await charts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('quality-zh.png') });
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 60_000 });
});

test('a 2-D preset has no image quality meter', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-play').click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').innerText()), { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
  await expect(page.getByTestId('quality-charts')).toHaveCount(0);
  await page.getByTestId('train-pause').click();
});

test('Compare overlays both runs’ quality meters on an MNIST preset', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  await page.getByTestId('side-train').click();
  await page.getByTestId('compare-open').click();
  const dialog = page.getByTestId('compare-dialog');
  await dialog.getByTestId('compare-setting').selectOption('loss');
  await dialog.getByTestId('compare-value').selectOption('minimax');
  await dialog.getByTestId('compare-train').click();
  const fid = dialog.getByTestId('compare-quality-fid');
  await expect(fid).toBeVisible({ timeout: 120_000 });
  const series = fid.locator('.u-legend .u-series');
  await expect(series).toHaveCount(3);
  await expect(series.nth(1)).toContainText('A: non-saturating');
  await expect(series.nth(2)).toContainText('B: minimax');
  await expect(dialog.getByTestId('compare-quality-classes')).toBeVisible();
  // Both runs get measured: each series shows a number.
  await expect(series.nth(1).locator('.u-value')).toHaveText(/^\d/, { timeout: 60_000 });
  await expect(series.nth(2).locator('.u-value')).toHaveText(/^\d/, { timeout: 60_000 });
  await fid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('compare-quality.png') });
});
