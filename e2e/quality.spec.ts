import { expect, test, type Page } from '@playwright/test';
import { openEditor } from './support/editor';

const legendValue = (page: Page, chart: string, series: number) => page.getByTestId(chart).locator('.u-legend .u-series').nth(series).locator('.u-value');

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
  await expect(page.getByTestId('quality-fid').locator('header')).toHaveAttribute('title', /Fréchet distance .*right on \d+\.\d% of held-out images/);
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
