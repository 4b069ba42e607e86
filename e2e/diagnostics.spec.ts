import { expect, test } from '@playwright/test';
import { connect, node, nodes, openEditor, setParams } from './support/editor';

test('a wrong Reshape turns red with both shapes named, and fixing it in the inspector clears it', async ({ page }, testInfo) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  const reshape = node(page, 'generator', 'img');
  await expect(reshape).toHaveAttribute('data-status', 'ok');

  await setParams(page, 'generator', 'img', { targetShape: '7, 7, 64' });
  await expect(reshape).toHaveAttribute('data-status', 'error');
  const message = 'Reshape to [7,7,64] needs 3136 values but receives 784 (from [784])';
  await expect(page.getByTestId('inspector-issue').first()).toContainText(message);
  await reshape.hover();
  await expect(reshape.locator('.layer-node-issues')).toBeVisible();
  await expect(reshape.locator('.layer-node-issues')).toContainText(message);
  await expect(page.getByTestId('problems')).toContainText(message);
  await page.screenshot({ path: testInfo.outputPath('reshape-error.png') });

  // Invalid text gets an inline message and does not reach the graph.
  const input = page.getByTestId('inspector').getByTestId('param-targetShape').locator('input');
  await input.fill('7, seven');
  await expect(page.getByTestId('inspector').locator('.field-error')).toContainText('whole numbers');

  await input.fill('28, 28, 1');
  await expect(reshape).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('problems')).toContainText('none: both networks compile');
  await expect(page.getByTestId('canvas-generator').locator('.edge-label', { hasText: '28×28×1' })).toHaveCount(1);
});

test('clicking a problem focuses its node; a cycle is refused with the reason', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  await setParams(page, 'discriminator', 'd3', { units: '3' });
  const problem = page.getByTestId('problem').filter({ hasText: 'outputs [3]' });
  await expect(problem).toHaveCount(1);
  await page.getByTestId('node-g1').click();
  await problem.click();
  await expect(node(page, 'discriminator', 'out')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('inspector')).toContainText('Output');

  // g2a → g1 would close a loop g1 → g1n → g1a → g2 → g2n → g2a → g1.
  await connect(page, 'generator', 'g2a', 'g1');
  await expect(page.getByTestId('notice')).toContainText('cycle');
  await expect(page.getByTestId('canvas-generator').locator('.react-flow__edge')).toHaveCount(10);
});

test('keyboard and clipboard: Enter adds from the palette, copy/paste, duplicate, delete, select all, undo', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-2d-ring');
  await node(page, 'generator', 'g1').click();
  const before = await nodes(page, 'generator').count();

  await page.getByTestId('palette-dropout').focus();
  await page.keyboard.press('Enter');
  await expect(nodes(page, 'generator')).toHaveCount(before + 1);
  await expect(node(page, 'generator', 'dropout')).toBeVisible();

  await node(page, 'generator', 'g1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes(page, 'generator')).toHaveCount(before + 2);
  await page.keyboard.press('Control+d');
  await expect(nodes(page, 'generator')).toHaveCount(before + 3);
  await page.keyboard.press('Delete');
  await expect(nodes(page, 'generator')).toHaveCount(before + 2);
  await page.keyboard.press('Control+z');
  await expect(nodes(page, 'generator')).toHaveCount(before + 3);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes(page, 'generator')).toHaveCount(before + 2);

  await node(page, 'generator', 'g1').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(nodes(page, 'generator')).toHaveCount(0);
  await expect(nodes(page, 'discriminator')).toHaveCount(7);
  await page.keyboard.press('Control+z');
  await expect(nodes(page, 'generator')).toHaveCount(before + 2);
});

test('the layout choice persists across reloads', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('layout-tabs').click();
  await expect(page.getByTestId('canvas-discriminator')).toHaveCount(0);
  await page.getByTestId('tab-discriminator').click();
  await expect(page.getByTestId('canvas-discriminator')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('tab-generator')).toBeVisible();
  await expect(page.getByTestId('layout-tabs')).toHaveAttribute('aria-pressed', 'true');
});
