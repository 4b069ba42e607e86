import { expect, test } from '@playwright/test';
import { PRESETS } from '../lib/project/presets';
import { encodeShare } from '../lib/project/share';
import { node, nodes, openEditor, saveProject, setParams, settleAutosave } from './support/editor';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

test('a corrupted file shows its errors and leaves the project as it was', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('dcgan-mnist');
  const before = await saveProject(page);

  const broken = JSON.parse(JSON.stringify(PRESETS['mlp-gan-mnist'].project));
  broken.generator.nodes[1].kind = 'quantumDense';
  broken.training.batchSize = -5;
  await page
    .getByTestId('open-file')
    .setInputFiles({ name: 'broken.ganvas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Could not open “broken.ganvas.json”. Your project is unchanged.');
  await expect(notice).toContainText('generator.nodes.1.kind');
  await expect(notice).toContainText('training.batchSize');
  expect(await saveProject(page)).toEqual(before);

  await page
    .getByTestId('open-file')
    .setInputFiles({ name: 'truncated.ganvas.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "name": "half') });
  await expect(notice).toContainText('not valid JSON');
  expect(await saveProject(page)).toEqual(before);

  // And a good file opens.
  await page.getByTestId('open-file').setInputFiles({
    name: 'good.ganvas.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(PRESETS['cgan-mnist'].project)),
  });
  await expect(page.getByTestId('project-name')).toHaveValue('Conditional GAN on MNIST');
});

test('hostile and broken share links show a message and load nothing', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-1d-gaussian');
  await settleAutosave(page);
  const before = await saveProject(page);

  for (const hash of ['#p=%%%not-base64', '#p=AAAAAAAA', `#p=${'A'.repeat(5000)}`]) {
    await page.goto(`/${hash}`);
    await expect(page.getByTestId('notice')).toContainText('could not be opened');
    await expect(nodes(page, 'generator')).toHaveCount(before.generator.nodes.length);
    expect(await saveProject(page)).toEqual(before);
  }

  // Validly compressed, but not a valid project (markup in an id, an unknown kind).
  const hostile = JSON.parse(JSON.stringify(PRESETS['gan-2d-ring'].project));
  hostile.generator.nodes[0].id = HOSTILE;
  hostile.generator.nodes[1].kind = 'eval';
  await page.goto(`/#p=${await encodeShare(hostile)}`);
  await expect(page.getByTestId('notice')).toContainText('could not be opened');
  expect(await saveProject(page)).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a share link round-trips, and markup in names and labels shows as text', async ({ page, context, browser }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  await page.getByTestId('project-name').fill(HOSTILE);
  await setParams(page, 'generator', 'g1', {});
  await page.getByTestId('param-label').fill(HOSTILE);
  await expect(node(page, 'generator', 'g1').locator('.layer-node-label')).toHaveText(HOSTILE);
  const shared = await saveProject(page);

  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#p=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('notice')).toContainText('Opened shared project');
  await expect(other.getByTestId('project-name')).toHaveValue(HOSTILE);
  await expect(node(other, 'generator', 'g1').locator('.layer-node-label')).toHaveText(HOSTILE);
  expect(await saveProject(other)).toEqual(shared);
  expect(await other.locator('img').count()).toBe(0);
  expect(await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // A first visit through the link, then a reload before any edit: the shared project stays.
  const fresh = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  const visitor = await fresh.newPage();
  await visitor.goto(link);
  await expect(visitor.getByTestId('project-name')).toHaveValue(HOSTILE);
  await visitor.reload();
  await expect(visitor.locator('.layer-node').first()).toBeVisible();
  await expect(visitor.getByTestId('project-name')).toHaveValue(HOSTILE);
  await fresh.close();
});
