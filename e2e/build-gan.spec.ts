import { expect, test } from '@playwright/test';
import { analyzeProject } from '../lib/compiler/context';
import { connect, dropLayer, headerParams, node, nodes, openEditor, saveProject, setParams, settleAutosave } from './support/editor';

test('build a GAN from New by dragging and wiring, undo it all, redo it all, reload it', async ({ page }, testInfo) => {
  await openEditor(page);
  await page.getByTestId('new').click();
  await expect(nodes(page, 'generator')).toHaveCount(2);
  await expect(nodes(page, 'discriminator')).toHaveCount(2);
  await expect(node(page, 'generator', 'out')).toHaveAttribute('data-status', 'error');

  // Generator: noise → dense → activation → dense → activation(tanh) → reshape → output.
  const g: [string, number, number][] = [
    ['dense', 0.25, 0.3],
    ['activation', 0.7, 0.3],
    ['dense', 0.25, 0.48],
    ['activation', 0.7, 0.48],
    ['reshape', 0.7, 0.66],
  ];
  for (const [kind, x, y] of g) await dropLayer(page, 'generator', kind, { x, y });
  await expect(nodes(page, 'generator')).toHaveCount(7);
  await setParams(page, 'generator', 'dense2', { units: '784' });
  await setParams(page, 'generator', 'activation2', { fn: 'tanh' });
  await setParams(page, 'generator', 'reshape', { targetShape: '28, 28, 1' });
  for (const [a, b] of [
    ['z', 'dense'],
    ['dense', 'activation'],
    ['activation', 'dense2'],
    ['dense2', 'activation2'],
    ['activation2', 'reshape'],
    ['reshape', 'out'],
  ]) {
    await connect(page, 'generator', a!, b!);
  }
  await expect(page.getByTestId('canvas-generator').locator('.react-flow__edge')).toHaveCount(6);

  // Discriminator: data → flatten → dense → activation → dense → output.
  for (const [kind, x, y] of [
    ['flatten', 0.25, 0.32],
    ['dense', 0.7, 0.32],
    ['activation', 0.25, 0.5],
    ['dense', 0.7, 0.5],
  ] as const) {
    await dropLayer(page, 'discriminator', kind, { x, y });
  }
  await setParams(page, 'discriminator', 'activation', { fn: 'leakyRelu' });
  await setParams(page, 'discriminator', 'dense2', { units: '1' });
  for (const [a, b] of [
    ['x', 'flatten'],
    ['flatten', 'dense'],
    ['dense', 'activation'],
    ['activation', 'dense2'],
    ['dense2', 'out'],
  ]) {
    await connect(page, 'discriminator', a!, b!);
  }
  await expect(page.getByTestId('canvas-discriminator').locator('.react-flow__edge')).toHaveCount(5);

  // Both networks compile, and the header agrees with the compiler on the saved document.
  await expect(page.getByTestId('problems')).toContainText('none: both networks compile');
  await expect(node(page, 'generator', 'out').getByTestId('shape')).toHaveText('28×28×1');
  await expect(page.getByTestId('canvas-generator').locator('.edge-label').first()).toBeVisible();
  const built = await saveProject(page);
  const analysis = analyzeProject(built);
  expect(await headerParams(page, 'generator')).toBe(analysis.generator.totalParams);
  expect(await headerParams(page, 'discriminator')).toBe(analysis.discriminator.totalParams);
  expect(analysis.generator.totalParams).toBe(64 * 128 + 128 + 128 * 784 + 784);
  expect(analysis.discriminator.totalParams).toBe(784 * 128 + 128 + 128 + 1);
  await page.getByTestId('layout-generator').click();
  await page.getByTestId('layout-discriminator').click();
  await page.screenshot({ path: testInfo.outputPath('built-from-new.png') });
  const laidOut = await saveProject(page);
  expect(analyzeProject(laidOut).generator.totalParams).toBe(analysis.generator.totalParams);

  // Undo back to the empty New project, then redo everything.
  const undo = page.getByTestId('undo');
  while (await undo.isEnabled()) await undo.click();
  await expect(nodes(page, 'generator')).toHaveCount(2);
  await expect(nodes(page, 'discriminator')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const redo = page.getByTestId('redo');
  while (await redo.isEnabled()) await redo.click();
  await expect(nodes(page, 'generator')).toHaveCount(7);
  await expect(page.locator('.react-flow__edge')).toHaveCount(11);
  expect(await saveProject(page)).toEqual(laidOut);

  // Reload: autosave brings back exactly this project.
  await settleAutosave(page);
  await page.reload();
  await expect(nodes(page, 'generator')).toHaveCount(7);
  expect(await saveProject(page)).toEqual(laidOut);
});
