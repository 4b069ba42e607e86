import { expect, test, type Locator } from '@playwright/test';
import { openEditor } from './support/editor';

/** Distinct colours in a canvas: a blank canvas has one or two. */
async function distinctColours(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

test('presentation mode enlarges type and lines, redraws the 2-D view, and is remembered', async ({ page }) => {
  test.setTimeout(240_000);
  await openEditor(page);
  const html = page.locator('html');
  const toggle = page.getByTestId('presentation');
  const rootSize = () => html.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const nodeSize = () =>
    page
      .locator('.layer-node')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const [normalRoot, normalNode] = [await rootSize(), await nodeSize()];
  await page.screenshot({ path: 'test-results/presentation-off.png' });

  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-play').click();
  const iteration = async () => Number(await page.getByTestId('iteration').innerText());
  // A few seconds of training: the heatmap and both point clouds are drawn.
  await expect.poll(iteration, { timeout: 90_000 }).toBeGreaterThan(40);
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 30_000 });
  const scatter = page.getByTestId('scatter-2d').locator('canvas').first();
  await expect.poll(() => distinctColours(scatter), { timeout: 30_000 }).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/ring-normal.png' });
  const before = await scatter.screenshot();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-presentation', 'on');
  expect(await rootSize()).toBeGreaterThan(normalRoot * 1.2);
  expect(await nodeSize()).toBeGreaterThan(normalNode);
  // Paused, the 2-D view still redraws: larger labels and dots change its pixels.
  await expect.poll(async () => Buffer.compare(await scatter.screenshot(), before)).not.toBe(0);
  const edge = page.locator('.react-flow__edge-path').first();
  expect(await edge.evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth))).toBeGreaterThanOrEqual(2.5);
  await page.screenshot({ path: 'test-results/ring-presentation.png' });

  await page.reload();
  await expect(page.locator('.layer-node').first()).toBeVisible();
  await expect(html).toHaveAttribute('data-presentation', 'on');
  await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'test-results/presentation-on.png' });
  await page.getByTestId('presentation').click();
  await expect(html).not.toHaveAttribute('data-presentation', /.*/);
  expect(await rootSize()).toBe(normalRoot);
});
