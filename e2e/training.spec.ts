import { expect, test, type Locator, type Page } from '@playwright/test';
import { chain } from '../lib/project/presets/build';
import { presetProject } from '../lib/project/presets';
import { node, openEditor } from './support/editor';

async function openTraining(page: Page, preset: string) {
  await openEditor(page);
  await page.getByTestId('presets').selectOption(preset);
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('training-panel')).toBeVisible();
}

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').innerText());
}

/** Distinct colours in a canvas: a blank or single-colour canvas has one or two. */
async function distinctColours(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

/**
 * A small MLP GAN on MNIST (G 64-128-784, D 784-128-1; the MLP preset before it grew for image
 * quality), as a project file. This machine's only WebGPU adapter is software (SwiftShader): the
 * preset's 4× larger networks and the quality meter's reads run a few iterations a minute there.
 */
function smallMnistGan() {
  const project = presetProject('mlp-gan-mnist');
  project.name = 'Small MLP GAN on MNIST';
  project.generator = chain([
    ['z', 'noise', { dim: 64, distribution: 'normal' }],
    ['g1', 'dense', { units: 128 }],
    ['g1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['g2', 'dense', { units: 784 }],
    ['g2a', 'activation', { fn: 'tanh' }],
    ['img', 'reshape', { targetShape: [28, 28, 1] }],
    ['out', 'output'],
  ]);
  project.discriminator = chain([
    ['x', 'data'],
    ['flat', 'flatten'],
    ['d1', 'dense', { units: 128 }],
    ['d1a', 'activation', { fn: 'leakyRelu', alpha: 0.2 }],
    ['d2', 'dense', { units: 1 }],
    ['out', 'output'],
  ]);
  return { name: 'small-mlp-gan.ganvas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) };
}

test('an MLP GAN on MNIST trains on WebGPU: the counter rises, the loss chart fills, the samples render', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openEditor(page);
  await page.getByTestId('open-file').setInputFiles(smallMnistGan());
  await expect(page.getByTestId('notice')).toContainText(/Opened “(Small MLP GAN on MNIST|small-mlp-gan\.ganvas\.json)”/);
  await page.getByTestId('side-train').click();
  await page.getByTestId('backend-choice').selectOption('webgpu');
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('backend')).toContainText('webgpu', { timeout: 60_000 });
  await expect.poll(() => iteration(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(5);
  // The loss chart's live legend shows numbers once the history has points.
  await expect(page.getByTestId('loss-chart').locator('.u-legend .u-value').nth(1)).toHaveText(/^-?\d/);
  const samples = page.getByTestId('sample-canvas');
  await expect.poll(() => distinctColours(samples), { timeout: 60_000 }).toBeGreaterThan(50);
  await page.getByTestId('train-pause').click();
  // 'Pausing…' until the chunk in flight has reported; from then on the counter stands still.
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 30_000 });
  const paused = await iteration(page);
  await page.waitForTimeout(3000);
  expect(await iteration(page)).toBe(paused);
  await page.screenshot({ path: testInfo.outputPath('mnist-webgpu.png') });
});

test('the 2-D ring trains on auto with points and heatmap, the canvas stays live, and a reload resumes the run', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await openTraining(page, 'gan-2d-ring');
  await page.getByTestId('train-play').click();
  const backend = page.getByTestId('backend');
  // Auto starts at once (here, with a software WebGPU adapter only: on wasm, trying nothing else),
  // then settles wasm's thread count on what the run delivers.
  await expect(backend).toContainText(/wasm, \d+ threads?\s+started at once on wasm/, { timeout: 30_000 });
  await expect(backend).toContainText(/it stays on \d+ threads?|started at once on wasm/, { timeout: 90_000 });
  await expect.poll(() => iteration(page), { timeout: 60_000 }).toBeGreaterThan(50);
  const scatter = page.getByTestId('scatter-2d').locator('canvas').first();
  await expect.poll(() => distinctColours(scatter), { timeout: 60_000 }).toBeGreaterThan(50);
  // The preset packs (PacGAN2): the settings say so, and the heatmap says what D is shown on.
  await expect(page.getByTestId('setting-pack')).toHaveValue('2');
  await expect(page.getByTestId('scatter-packed')).toContainText('D judges packs of 2');
  // G's manifold is drawn over the data: GAN Lab's warped grid of z.
  await expect(page.getByTestId('scatter-manifold')).toBeVisible();

  // While training, a node can still be dragged on the canvas.
  const target = node(page, 'generator', 'g2');
  const before = (await target.boundingBox())!;
  // Grab the body, away from the handles at the top and bottom centre.
  await page.mouse.move(before.x + 20, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y + before.height / 2 + 40, { steps: 10 });
  await page.mouse.up();
  const after = (await target.boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(40);
  const during = await iteration(page);
  await expect.poll(() => iteration(page)).toBeGreaterThan(during);
  await page.screenshot({ path: testInfo.outputPath('ring-auto.png') });

  // Pausing writes a checkpoint; after a reload, the next step continues from it.
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 30_000 });
  const stopped = await iteration(page);
  await page.waitForTimeout(1500);
  await page.reload();
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('training-panel')).toContainText(/Resumed from the checkpoint at iteration \d+/, { timeout: 90_000 });
  await expect.poll(() => iteration(page), { timeout: 30_000 }).toBeGreaterThan(stopped);
});

test('when the WebGPU device is lost, training goes on on the next backend from the last weights', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openEditor(page, '/?debug');
  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await page.getByTestId('side-train').click();
  await page.getByTestId('backend-choice').selectOption('webgpu');
  await page.getByTestId('train-play').click();
  const backend = page.getByTestId('backend');
  await expect(backend).toContainText('webgpu', { timeout: 60_000 });
  await expect.poll(() => iteration(page), { timeout: 60_000 }).toBeGreaterThan(20);
  // Pausing takes a checkpoint: those are the weights training must go on from.
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: 30_000 });
  const saved = await iteration(page);

  const lost = await page.evaluate(() =>
    (globalThis as unknown as { ganvasDebug: { loseDevice(): Promise<boolean> } }).ganvasDebug.loseDevice(),
  );
  expect(lost).toBe(true);
  await page.getByTestId('train-play').click();
  await expect(backend).toContainText(/webgpu failed .*; continuing on (webgl|wasm|cpu) from iteration \d+/, { timeout: 90_000 });
  // From the checkpoint, not from scratch.
  const from = Number((await backend.innerText()).match(/from iteration (\d+)/)![1]);
  // The pause checkpoint waits for the chunk in flight, so it is exactly where training stood.
  expect(from).toBe(saved);
  await expect.poll(() => iteration(page), { timeout: 60_000 }).toBeGreaterThan(from + 5);
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('device-lost.png') });
});
