import { expect, test, type Page } from '@playwright/test';
import { canvas, node, openEditor } from './support/editor';

async function openTraining(page: Page) {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-1d-gaussian');
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('training-panel')).toBeVisible();
}

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').innerText());
}

/** "sub-step 3 of 14" → [3, 14]. */
async function progress(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('slowmo-progress').innerText();
  const [, current, total] = /(\d+)\D+(\d+)/.exec(text) ?? [];
  return [Number(current), Number(total)];
}

/** Painted pixels of the sub-step's picture: 0 while nothing is drawn. */
async function inked(page: Page): Promise<number> {
  return page.getByTestId('slowmo-picture').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

const PICTURED = ['real', 'noise', 'generate', 'scores'];

interface Seen {
  phase: string;
  kind: string;
  caption: string;
  d: string | null;
  g: string | null;
}

/** What the panel and the canvases show now. */
async function look(page: Page): Promise<Seen> {
  const panel = page.getByTestId('slowmo-panel');
  return {
    phase: (await panel.getAttribute('data-phase'))!,
    kind: (await panel.getAttribute('data-kind'))!,
    caption: await page.getByTestId('slowmo-caption').innerText(),
    d: await canvas(page, 'discriminator').getAttribute('data-slowmo'),
    g: await canvas(page, 'generator').getAttribute('data-slowmo'),
  };
}

test('slow motion steps through one iteration with Next and the keyboard, highlighting the network at work', async ({ page }) => {
  test.setTimeout(180_000);
  await openTraining(page);
  const before = await iteration(page);
  await page.getByTestId('slowmo-open').click();
  const panel = page.getByTestId('slowmo-panel');
  await expect(panel).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => iteration(page)).toBe(before + 1);
  const [first, total] = await progress(page);
  expect([first, total]).toEqual([1, 14]);
  await expect(page.getByTestId('slowmo-back')).toBeDisabled();

  await expect.poll(() => inked(page)).toBeGreaterThan(200);
  const seen: Seen[] = [await look(page)];
  // The first half with the Next button, the rest with → on the focused panel.
  for (let i = 2; i <= total; i++) {
    const previous = seen[seen.length - 1]!.caption;
    if (i <= 7) await page.getByTestId('slowmo-next').click();
    else {
      if (i === 8) await panel.focus();
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('slowmo-caption')).not.toHaveText(previous);
    expect(await progress(page)).toEqual([i, total]);
    const now = await look(page);
    seen.push(now);
    // A picture where it helps, drawn (not a blank canvas), and none elsewhere.
    if (PICTURED.includes(now.kind)) await expect.poll(() => inked(page), { message: `${now.phase}:${now.kind}` }).toBeGreaterThan(200);
    else await expect(page.getByTestId('slowmo-picture')).toHaveCount(0);
    if (now.phase === 'd' && now.kind === 'scores') {
      await expect(node(page, 'discriminator', 'out')).toHaveAttribute('data-slowmo', 'highlighted');
      await expect(page.getByTestId('slowmo-picture')).toHaveAttribute('data-picture', 'scores');
      await page.screenshot({ path: 'test-results/slow-motion-d-scores.png' });
    }
    if (now.phase === 'd' && now.kind === 'noise') await expect(node(page, 'generator', 'z')).toHaveAttribute('data-slowmo', 'highlighted');
    if (now.phase === 'g' && now.kind === 'generate') {
      await expect(node(page, 'generator', 'out')).toHaveAttribute('data-slowmo', 'highlighted');
      await expect(node(page, 'discriminator', 'out')).not.toHaveAttribute('data-slowmo', 'highlighted');
      await page.screenshot({ path: 'test-results/slow-motion-g-generate.png' });
    }
  }
  await expect(page.getByTestId('slowmo-next')).toBeDisabled();

  // Every sub-step had its own caption; D glowed through the D step, G through the G step.
  expect(new Set(seen.map((s) => s.caption)).size).toBe(total);
  expect(seen.map((s) => `${s.phase}:${s.kind}`)).toEqual([
    'd:real',
    'd:noise',
    'd:generate',
    'd:scores',
    'd:loss',
    'd:gradients',
    'd:update',
    'g:noise',
    'g:generate',
    'g:scores',
    'g:loss',
    'g:gradients',
    'g:update',
    'done:done',
  ]);
  for (const s of seen.filter((x) => x.phase === 'd')) {
    expect(s.d, s.kind).toBe('training');
    expect(s.g, s.kind).toBe(s.kind === 'noise' || s.kind === 'generate' ? 'frozen' : null);
  }
  for (const s of seen.filter((x) => x.phase === 'g')) {
    expect(s.g, s.kind).toBe('training');
    expect(s.d === null || s.d === 'frozen', s.kind).toBe(true);
  }
  expect(seen[0]!.caption).toMatch(/^D step 1 of 1 — sample real data: a batch of 128 examples x/);
  expect(seen[1]!.caption).toMatch(/sample z: 128 noise vectors from U\(−1, 1\)/);
  expect(seen[3]!.caption).toMatch(/mean D\(x\) = [\d.]+ on real, mean D\(G\(z\)\) = [\d.]+ on fake/);
  expect(seen[6]!.caption).toMatch(/Update D: Adam moved D's weights by ‖Δ‖ = [\d.e-]+; G is unchanged/i);
  expect(seen[12]!.caption).toMatch(/update G: .*D is unchanged/);
  expect(seen[13]!.caption).toContain(`Iteration ${before + 1} done`);

  // Back with ← and with the button.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slowmo-caption')).toHaveText(seen[12]!.caption);
  await page.getByTestId('slowmo-back').click();
  await expect(page.getByTestId('slowmo-caption')).toHaveText(seen[11]!.caption);
  expect(await progress(page)).toEqual([12, total]);

  // Stepping through it trained exactly one iteration, no more.
  expect(await iteration(page)).toBe(before + 1);

  // Close: the panel goes and every highlight with it.
  await page.getByTestId('slowmo-close').click();
  await expect(panel).toBeHidden();
  await expect(canvas(page, 'discriminator')).not.toHaveAttribute('data-slowmo');
  await expect(canvas(page, 'generator')).not.toHaveAttribute('data-slowmo');
  await expect(page.locator('.layer-node[data-slowmo]')).toHaveCount(0);
  // The run goes on normally from there.
  await page.getByTestId('train-step').click();
  await expect.poll(() => iteration(page)).toBe(before + 2);
});

test('in the tabs layout slow motion switches to the tab of the network at work, and speaks Chinese', async ({ page }) => {
  test.setTimeout(180_000);
  await openTraining(page);
  await page.getByTestId('layout-tabs').click();
  await page.getByTestId('locale').selectOption({ label: '中文' });
  await page.getByTestId('slowmo-open').click();
  const panel = page.getByTestId('slowmo-panel');
  await expect(panel).toBeVisible({ timeout: 90_000 });
  // A real batch: D's tab, with D marked as the network being trained.
  await expect(canvas(page, 'discriminator')).toHaveAttribute('data-slowmo', 'training');
  await expect(canvas(page, 'generator')).toHaveCount(0);
  await expect(page.getByTestId('slowmo-caption')).toHaveText(/^D 步骤 1 \/ 1 — 采样真实数据/);
  await expect(page.getByTestId('slowmo-badge-discriminator')).toHaveText('训练中');
  // Noise goes into G: G's tab, G frozen, its noise node ringed.
  await panel.press('ArrowRight');
  await expect(canvas(page, 'generator')).toHaveAttribute('data-slowmo', 'frozen');
  await expect(node(page, 'generator', 'z')).toHaveAttribute('data-slowmo', 'highlighted');
  await expect(page.getByTestId('tab-generator')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('slowmo-caption')).toContainText('采样 z');
  await expect(page.getByTestId('slowmo-progress')).toHaveText('子步骤 2 / 14');
  // D's scores: back to D's tab.
  await panel.press('ArrowRight');
  await panel.press('ArrowRight');
  await expect(page.getByTestId('tab-discriminator')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('slowmo-caption')).toContainText('D 打分');
  await page.screenshot({ path: 'test-results/slow-motion-tabs-zh.png' });
  await page.getByTestId('slowmo-close').click();
  await expect(canvas(page, 'discriminator')).not.toHaveAttribute('data-slowmo');
});

test('on MNIST the real batch and G(z) sub-steps show a few images', async ({ page }) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByTestId('presets').selectOption('mlp-gan-mnist');
  await page.getByTestId('side-train').click();
  await page.getByTestId('slowmo-open').click();
  await expect(page.getByTestId('slowmo-panel')).toBeVisible({ timeout: 120_000 });
  const picture = page.getByTestId('slowmo-picture');
  await expect(picture).toHaveAttribute('data-picture', 'images');
  await expect.poll(() => inked(page)).toBeGreaterThan(1000);
  await page.getByTestId('slowmo-next').click();
  await page.getByTestId('slowmo-next').click();
  await expect(page.getByTestId('slowmo-panel')).toHaveAttribute('data-kind', 'generate');
  await expect(picture).toHaveAttribute('data-picture', 'images');
  await expect(page.getByTestId('slowmo-detail')).toHaveText(/^4 of the 64 shown\./);
  await page.getByTestId('slowmo-panel').screenshot({ path: 'test-results/slow-motion-mnist-generate.png' });
});
