import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { exportNotebook } from '../lib/export/notebook';
import { exportPyTorch } from '../lib/export/pytorch';
import { exportTypeScript } from '../lib/export/typescript';
import { presetProject } from '../lib/project/presets';
import { openEditor } from './support/editor';

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('export a preset: the dialog shows highlighted code, and each download is the exact text', async ({ page }, testInfo) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('dcgan-mnist');
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  const code = page.getByTestId('export-code');
  await expect(code).toContainText('export function buildGenerator(): tf.LayersModel');
  await expect(code).toContainText('tf.layers.conv2dTranspose');
  await page.screenshot({ path: testInfo.outputPath('export-typescript.png') });

  const expected = exportTypeScript(presetProject('dcgan-mnist'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.module);
  const gan = await downloadText(page, () => page.getByTestId('export-download').click());
  expect(gan.name).toBe('gan.ts');
  expect(gan.bytes.toString('utf8')).toBe(expected.module);

  // The whole Node project, with the MNIST image set it trains on.
  const zip = await downloadText(page, () => page.getByTestId('export-project').click());
  const files = unzipSync(new Uint8Array(zip.bytes));
  for (const f of expected.files) expect(strFromU8(files[`ganvas-tfjs/${f.path}`]!)).toBe(f.text);
  expect(files['ganvas-tfjs/data/dataset.bin']!.subarray(0, 4)).toEqual(new TextEncoder().encode('GANV'));

  await page.getByTestId('export-tab-pytorch').click();
  await expect(code).toContainText('class Generator(');
  await page.screenshot({ path: testInfo.outputPath('export-pytorch.png') });
  const torch = exportPyTorch(presetProject('dcgan-mnist'));
  const models = await downloadText(page, () => page.getByTestId('export-download').click());
  expect(models.name).toBe('models.py');
  expect(models.bytes.toString('utf8')).toBe(torch.files.find((f) => f.path === 'models.py')!.text);
  await page.getByTestId('export-file-train.py').click();
  await expect(code).toContainText('torch.optim.Adam');
  const train = await downloadText(page, () => page.getByTestId('export-download').click());
  expect(train.bytes.toString('utf8')).toBe(torch.files.find((f) => f.path === 'train.py')!.text);
});

test('the Jupyter tab previews the notebook cell by cell and downloads it, with data.bin for MNIST', async ({ page }, testInfo) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('dcgan-mnist');
  await page.getByTestId('export').click();
  await page.getByTestId('export-tab-notebook').click();
  const preview = page.getByTestId('notebook-preview');
  await expect(preview).toContainText('class Generator(');
  await expect(preview).toContainText('torchrun --nproc_per_node=N train.py');
  await expect(preview.getByRole('img')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('export-notebook.png') });
  const expected = exportNotebook(presetProject('dcgan-mnist'), 'en');
  const notebook = await downloadText(page, () => page.getByTestId('export-notebook-download').click());
  expect(notebook.name).toBe('ganvas-dcgan-on-mnist.ipynb');
  expect(notebook.bytes.toString('utf8')).toBe(expected.text);
  await expect(page.getByTestId('export-notebook-note')).toContainText('data.bin');
  const data = await downloadText(page, () => page.getByTestId('export-notebook-data').click());
  expect(data.name).toBe('data.bin');
  expect(data.bytes.subarray(0, 4).toString('latin1')).toBe('GANV');
});

test('trained weights download as the tfjs layers format and load back; a broken zip changes nothing', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 90_000 });
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('2');

  await page.getByTestId('export').click();
  await page.getByTestId('export-tab-weights').click();
  await expect(page.getByTestId('export-weights')).toContainText('iteration 2');
  const zip = await downloadText(page, () => page.getByTestId('weights-download').click());
  const files = unzipSync(new Uint8Array(zip.bytes));
  const generator = JSON.parse(strFromU8(files['ganvas-weights/generator/model.json']!));
  const names = generator.weightsManifest[0].weights.map((w: { name: string }) => w.name);
  expect(names).toEqual(['g1/kernel', 'g1/bias', 'g2/kernel', 'g2/bias', 'g3/kernel', 'g3/bias']);
  expect(files['ganvas-weights/generator/weights.bin']!.byteLength).toBe(4 * (16 * 128 + 128 + 128 * 128 + 128 + 128 * 2 + 2));
  await page.screenshot({ path: testInfo.outputPath('export-weights.png') });

  // A corrupt file: a clear message, and the run is untouched.
  const broken = testInfo.outputPath('broken.zip');
  writeFileSync(broken, zip.bytes.subarray(0, 200));
  await page.getByTestId('weights-file').setInputFiles(broken);
  await expect(page.getByTestId('weights-message')).toContainText('The current weights are unchanged');
  // Weights of another design are refused by name and shape.
  await page
    .getByTestId('weights-file')
    .setInputFiles({ name: 'other.zip', mimeType: 'application/zip', buffer: Buffer.from(swapGenerator(files)) });
  await expect(page.getByTestId('weights-message')).toContainText('do not fit this design');

  const good = testInfo.outputPath('weights.zip');
  writeFileSync(good, zip.bytes);
  await page.getByTestId('weights-file').setInputFiles(good);
  await expect(page.getByTestId('weights-message')).toContainText('Loaded “weights.zip”');
  await page.getByTestId('export-close').click();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('3');
});

test("G's weight averaging: typed in the settings, named on the picture, downloaded beside G and loaded back", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await page.getByTestId('side-train').click();
  const ema = page.getByTestId('setting-ema');
  await expect(ema).toHaveValue('0');
  await ema.fill('0.99');
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 90_000 });
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('2');
  await expect(page.getByTestId('scatter-2d').getByTestId('averaged-note')).toHaveText("from G's weight average (β 0.99)");
  await page.screenshot({ path: testInfo.outputPath('ema-scatter.png') });

  await page.getByTestId('export').click();
  await page.getByTestId('export-tab-weights').click();
  const zip = await downloadText(page, () => page.getByTestId('weights-download').click());
  const files = unzipSync(new Uint8Array(zip.bytes));
  const average = JSON.parse(strFromU8(files['ganvas-weights/generator-average/model.json']!));
  expect(average.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual([
    'g1/kernel',
    'g1/bias',
    'g2/kernel',
    'g2/bias',
    'g3/kernel',
    'g3/bias',
  ]);
  // Two iterations in, the average lags G: different numbers, same layout.
  const g = files['ganvas-weights/generator/weights.bin']!;
  const a = files['ganvas-weights/generator-average/weights.bin']!;
  expect(a.byteLength).toBe(g.byteLength);
  expect(Buffer.from(a).equals(Buffer.from(g))).toBe(false);

  const good = testInfo.outputPath('weights-average.zip');
  writeFileSync(good, zip.bytes);
  await page.getByTestId('weights-file').setInputFiles(good);
  await expect(page.getByTestId('weights-message')).toContainText('Loaded “weights-average.zip”');
});

/** The same zip with the generator's manifest renamed: weights for some other design. */
function swapGenerator(files: Record<string, Uint8Array>): Uint8Array {
  const json = strFromU8(files['ganvas-weights/generator/model.json']!).replaceAll('g1/', 'other/');
  return zipSync({ ...files, 'ganvas-weights/generator/model.json': strToU8(json) });
}
