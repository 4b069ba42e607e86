import { expect, test } from '@playwright/test';

test('the production build renders without console errors', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page: ${err.message}`));

  await page.goto('/');
  await expect(page.locator('.brand')).toHaveText('GANvas');
  // A first visit opens the MLP GAN; its G has 64·256+256 + 4·256 (batch norm) + 256·512+512 +
  // 4·512 + 512·784+784 weights.
  await expect(page.getByTestId('params-generator')).toHaveText('553,488');
  await expect(page.locator('.layer-node')).toHaveCount(19);

  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('navigator.gpu yields a WebGPU adapter under the documented flags', async ({ page }) => {
  await page.goto('/');
  const adapter = await page.evaluate(async () => {
    type Adapter = { info?: { vendor?: string; architecture?: string }; isFallbackAdapter?: boolean };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    if (!gpu) return { available: false as const };
    const found = await gpu.requestAdapter();
    return {
      available: true as const,
      found: found !== null,
      vendor: found?.info?.vendor ?? '',
      architecture: found?.info?.architecture ?? '',
      fallback: found?.isFallbackAdapter ?? null,
    };
  });
  test.info().annotations.push({ type: 'adapter', description: JSON.stringify(adapter) });
  expect(adapter.available).toBe(true);
  expect(adapter.available && adapter.found).toBe(true);
});
