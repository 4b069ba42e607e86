import { expect, test } from '@playwright/test';
import { node, openEditor, setParams } from './support/editor';

test('the editor switches to Chinese, remembers it across a reload, and switches back', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page: ${err.message}`));

  await openEditor(page);
  // Playwright's Chromium is en-US: a first visit is in English.
  const locale = page.getByTestId('locale');
  await expect(locale).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('palette-dense')).toHaveText('Dense');

  await locale.selectOption({ label: '中文' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The palette: layer titles from the layer specs, category headings from the messages.
  const palette = page.getByRole('complementary', { name: '层面板' });
  await expect(page.getByTestId('palette-dense')).toHaveText('全连接');
  await expect(palette.getByRole('heading', { name: '卷积' })).toBeVisible();
  await expect(palette.getByRole('searchbox')).toHaveAttribute('placeholder', '搜索层…');

  // The header and the canvases.
  await expect(page.getByTestId('save')).toHaveText('保存');
  await expect(page.getByTestId('share')).toHaveText('分享');
  await expect(page.getByTestId('new')).toHaveText('新建');
  await expect(page.getByTestId('layout-generator')).toHaveText('自动布局');
  await expect(page.getByTestId('problems')).toContainText('无：两个网络都能编译');

  // The inspector of a selected node: title, facts and param labels in Chinese.
  await node(page, 'generator', 'g1').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('h2')).toContainText('全连接');
  await expect(inspector).toContainText('输出');
  await expect(inspector.getByTestId('param-units').locator('label')).toHaveText('单元数');
  await expect(inspector.getByTestId('param-useBias').locator('label')).toHaveText('使用偏置');
  await expect(node(page, 'generator', 'g1')).toContainText('个参数');
  await page.screenshot({ path: testInfo.outputPath('zh-inspector.png') });

  // Typing a bad value explains itself in Chinese.
  await inspector.getByTestId('param-units').locator('input').fill('many');
  await expect(inspector.locator('.field-error')).toHaveText('请输入一个数字');
  await inspector.getByTestId('param-units').locator('input').fill('128');
  await expect(node(page, 'generator', 'g1')).toContainText('128 个单元');

  // A broken graph explains itself in Chinese: the Problems panel, the node's badge, the inspector.
  await setParams(page, 'generator', 'img', { targetShape: '7, 7, 64' });
  const reshape = node(page, 'generator', 'img');
  await expect(reshape).toHaveAttribute('data-status', 'error');
  const finding = '重塑为 [7,7,64] 需要 3136 个值，但收到 784 个（来自 [784]）';
  await expect(page.getByTestId('problem').filter({ hasText: finding })).toHaveCount(1);
  await expect(page.getByTestId('inspector-issue').first()).toContainText(finding);
  await reshape.hover();
  await expect(reshape.locator('.layer-node-issues')).toContainText(finding);
  await page.screenshot({ path: testInfo.outputPath('zh-problems.png') });
  await setParams(page, 'generator', 'img', { targetShape: '28, 28, 1' });
  await expect(page.getByTestId('problems')).toContainText('无：两个网络都能编译');

  // The Train tab.
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('side-train')).toHaveText('训练');
  await expect(page.getByTestId('train-play')).toHaveText('训练');
  await expect(page.getByTestId('train-step')).toHaveText('单步');
  await expect(page.getByTestId('training-panel')).toContainText('迭代');
  await expect(page.getByTestId('sample-grid')).toContainText('还没有样本');
  await page.screenshot({ path: testInfo.outputPath('zh-train.png') });

  // The export dialog.
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-dialog').locator('h2')).toHaveText('导出');
  await expect(page.getByTestId('export-tab-weights')).toHaveText('权重');
  await page.screenshot({ path: testInfo.outputPath('zh-export.png') });
  await page.getByTestId('export-close').click();

  // A reload keeps the choice.
  await page.reload();
  await expect(page.locator('.layer-node').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('locale')).toHaveValue('zh');
  await expect(page.getByTestId('palette-dense')).toHaveText('全连接');
  await expect(page.getByTestId('side-inspector')).toHaveText('检查器');
  await page.screenshot({ path: testInfo.outputPath('zh-reload.png') });

  // And back to English.
  await page.getByTestId('locale').selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('palette-dense')).toHaveText('Dense');
  await expect(page.getByTestId('save')).toHaveText('Save');
  await expect(page.getByTestId('problems')).toContainText('none: both networks compile');
  expect(await page.evaluate(() => localStorage.getItem('ganvas:locale'))).toBe('en');

  expect(problems).toEqual([]);
});

test('a browser that prefers Chinese opens in Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await openEditor(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('locale')).toHaveValue('zh');
  await expect(page.getByTestId('palette-dense')).toHaveText('全连接');
  await context.close();
});
