import { expect, test, type Locator, type Page } from '@playwright/test';
import { openEditor } from './support/editor';

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').innerText());
}

/** A canvas's pixels as one string: equal strings, equal pictures. */
async function pixels(canvas: Locator): Promise<string> {
  return canvas.evaluate((el) => (el as HTMLCanvasElement).toDataURL());
}

/** Opens a preset, trains it on auto past `iterations`, and pauses: the explorer then asks a G that stands still. */
async function trainPast(page: Page, preset: string, iterations: number) {
  await openEditor(page);
  await page.getByTestId('presets').selectOption(preset);
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-play').click();
  await expect.poll(() => iteration(page), { timeout: 120_000 }).toBeGreaterThan(iterations);
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 30_000 });
}

/** Clicks the grid's sample `index` (8 columns of 64 samples for the unconditional MNIST presets). */
async function pickSample(page: Page, index: number, columns = 8) {
  const grid = page.getByTestId('sample-canvas');
  const box = (await grid.boundingBox())!;
  const cell = box.width / columns;
  await grid.click({ position: { x: (index % columns) * cell + cell / 2, y: Math.floor(index / columns) * cell + cell / 2 } });
}

test('the latent explorer walks between two picked samples of the MLP GAN, and the directions move sample A', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await trainPast(page, 'mlp-gan-mnist', 150);

  const explorer = page.getByTestId('latent-explorer');
  await expect(explorer).toBeVisible();
  await explorer.scrollIntoViewIfNeeded();
  // Pick A and B by clicking the grid, as a person would.
  await pickSample(page, 3);
  await pickSample(page, 12);
  await expect(explorer.getByTestId('latent-picked')).toHaveText('A = sample 4, B = sample 13');
  const strip = explorer.getByTestId('latent-strip');
  await expect(strip).toHaveAttribute('data-from', '3');
  await expect(strip).toHaveAttribute('data-to', '12');
  await expect.poll(async () => (await strip.boundingBox())?.height ?? 0).toBeGreaterThan(20);
  const first = await pixels(strip);
  // A third click picks A again (then B, and so on): the strip changes.
  await pickSample(page, 40);
  await expect(explorer.getByTestId('latent-picked')).toHaveText('A = sample 41, B = sample 13');
  await expect(strip).toHaveAttribute('data-from', '40');
  await expect.poll(() => pixels(strip)).not.toBe(first);
  // Linear and spherical paths differ between the ends.
  const spherical = await pixels(strip);
  await explorer.getByTestId('latent-mode').selectOption('linear');
  await expect.poll(() => pixels(strip)).not.toBe(spherical);
  // The slider moves the single picture along the walk.
  const at = explorer.getByTestId('latent-at');
  const middle = await pixels(at);
  await explorer.getByTestId('latent-position').fill('0');
  await expect.poll(() => pixels(at)).not.toBe(middle);
  await page.screenshot({ path: testInfo.outputPath('latent-walk.png'), fullPage: true });

  // Directions: dragging a slider changes the moved picture.
  await explorer.getByTestId('latent-view-directions').click();
  const moved = explorer.getByTestId('latent-moved');
  await expect.poll(async () => (await moved.boundingBox())?.height ?? 0).toBeGreaterThan(20);
  const still = await pixels(moved);
  await explorer.getByTestId('latent-direction-0').fill('2.5');
  await expect.poll(() => pixels(moved)).not.toBe(still);
  await expect(explorer.getByTestId('latent-sweep-2')).toBeVisible();
  await explorer.screenshot({ path: testInfo.outputPath('latent-directions.png') });
});

test('for the conditional GAN the explorer draws one z as every class and walks between two classes', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await trainPast(page, 'cgan-mnist', 50);
  const explorer = page.getByTestId('latent-explorer');
  await explorer.getByTestId('latent-view-classes').click();
  const classes = explorer.getByTestId('latent-classes');
  await expect.poll(async () => (await classes.boundingBox())?.height ?? 0).toBeGreaterThan(20);
  const walk = explorer.getByTestId('latent-class-walk');
  await expect.poll(async () => (await walk.boundingBox())?.height ?? 0).toBeGreaterThan(20);
  const before = await pixels(walk);
  await explorer.getByTestId('latent-to-class').selectOption('3');
  await expect(walk).toHaveAttribute('aria-label', 'The label walking from class 0 to class 3, z fixed');
  await expect.poll(() => pixels(walk)).not.toBe(before);
  await explorer.screenshot({ path: testInfo.outputPath('latent-classes.png') });
});
