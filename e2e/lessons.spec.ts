import { expect, test } from '@playwright/test';
import { canvas, connect } from './support/editor';

test('lesson 1: the student does every step in the editor and the checks move the lesson on', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page: ${err.message}`));

  // The user's own project, which the lesson must leave alone.
  await page.goto('/');
  await expect(page.locator('.layer-node').first()).toBeVisible();
  const ownName = await page.getByTestId('project-name').inputValue();

  await page.getByTestId('learn-link').click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.locator('.lesson-card')).toHaveCount(7);
  await page.getByTestId('lesson-the-game').click();

  const step = page.getByTestId('lesson-step');
  const task = page.getByTestId('lesson-task');
  await expect(step).toHaveAttribute('data-step', 'wire');
  await expect(task).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('lesson-next')).toHaveText(/Skip/);
  await expect(canvas(page, 'generator').locator('.layer-node')).toHaveCount(7);
  await page.screenshot({ path: testInfo.outputPath('lesson-1-wire.png') });

  // Step 1: wire G's last Dense to its Output, by dragging between the handles.
  await connect(page, 'generator', 'g3', 'out');
  await expect(task).toHaveAttribute('data-met', 'true');
  await expect(step).toHaveAttribute('data-step', 'stage-a');

  // Step 2 (a): one step in the Train tab, on the default backend (auto).
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-step').click();
  await expect(step).toHaveAttribute('data-step', 'stage-b', { timeout: 60_000 });
  await expect(page.getByTestId('density-1d')).toBeVisible();

  // Step 3 (b): D alone; step 4 (c): then G.
  await page.getByTestId('train-step-d').click();
  await page.getByTestId('train-step-d').click();
  await expect(step).toHaveAttribute('data-step', 'stage-c');
  await page.getByTestId('train-step-g').click();
  await expect(step).toHaveAttribute('data-step', 'stage-d');
  await expect(task).toHaveAttribute('data-met', 'false');

  // Step 5 (d): train until D(x) and D(G(z)) sit at 1/2; the measured values are shown meanwhile.
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('lesson-values')).toContainText('D(x) =');
  await expect(step).toHaveAttribute('data-step', 'done', { timeout: 120_000 });
  await page.getByTestId('train-pause').click();
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  await expect(page.getByTestId('next-lesson')).toContainText('The algorithm');
  await page.screenshot({ path: testInfo.outputPath('lesson-1-done.png') });

  // Keyboard: Alt+← goes back a step, Alt+→ forward again; done steps stay done.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(step).toHaveAttribute('data-step', 'stage-d');
  await expect(task).toHaveAttribute('data-met', 'true');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(step).toHaveAttribute('data-step', 'done');

  // The lesson and the palette in Chinese.
  await page.getByTestId('locale').selectOption({ label: '中文' });
  await expect(page.locator('.lesson-title')).toHaveText('博弈');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('你看到了什么');
  await expect(page.getByTestId('palette-dense')).toHaveText('全连接');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('(d) 对弈到底');
  await page.screenshot({ path: testInfo.outputPath('lesson-1-zh.png') });

  // Progress survives a reload; the user's own project was not touched by the lesson.
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', 'stage-d');
  await page.getByTestId('locale').selectOption({ label: 'English' });
  await page.goto('/');
  await expect(page.getByTestId('project-name')).toHaveValue(ownName);
  expect(problems).toEqual([]);
});

test('lessons 3, 4 and 7: the value-function plot, JS over training, and choosing a digit', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page: ${err.message}`));
  const step = page.getByTestId('lesson-step');

  // Lesson 3: the plot is there before training; a few steps place the run on it.
  await page.goto('/learn/value-function');
  await expect(step).toHaveAttribute('data-step', 'minimax');
  await expect(page.getByTestId('view-value-function')).toBeVisible();
  await page.getByTestId('side-train').click();
  await expect(page.getByTestId('setting-loss')).toHaveValue('minimax');
  for (let i = 0; i < 3; i++) await page.getByTestId('train-step').click();
  await expect(page.getByTestId('value-function-now')).toContainText(/D\(G\(z\)\) = 0\.\d{3}; minimax pushes 0\.\d{3}/);
  // Switching the loss in the settings is what the next step asks.
  await page.getByTestId('lesson-next').click();
  await expect(step).toHaveAttribute('data-step', 'non-saturating');
  await page.getByTestId('setting-loss').selectOption('non-saturating');
  await expect(step).toHaveAttribute('data-step', 'compare');
  await page.screenshot({ path: testInfo.outputPath('lesson-3.png') });

  // Lesson 4: the JS estimate follows the run.
  await page.goto('/learn/equilibrium');
  await expect(page.getByTestId('view-equilibrium')).toContainText('Train to see the estimate.');
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('equilibrium-now')).toContainText(/JS ≈ 0\.\d{4} nats, so C\(G\) = 2·JS − 2 ln 2 ≈ -1\.\d{3}/);
  await expect(page.getByTestId('iteration')).not.toHaveText('0');
  await page.waitForTimeout(2000);
  await page.getByTestId('train-pause').click();
  await page.screenshot({ path: testInfo.outputPath('lesson-4.png') });

  // Lesson 7: skip the long training step, train one step, then ask for a digit.
  await page.goto('/learn/conditional');
  await page.getByTestId('lesson-next').click();
  await expect(step).toHaveAttribute('data-step', 'choose');
  await expect(page.getByTestId('digit-3')).toBeDisabled();
  await page.getByTestId('side-train').click();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 60_000 });
  await page.getByTestId('digit-3').click();
  await expect(page.getByTestId('digit-samples')).toBeVisible();
  await expect(page.getByTestId('lesson-task')).toHaveAttribute('data-met', 'true');
  // The skipped first step stays undone, so the lesson is not complete yet.
  await expect(page.locator('.lesson-dot.done')).toHaveCount(1);
  await expect(page.getByTestId('lesson-complete')).toHaveCount(0);
  const drawn = await page.getByTestId('digit-samples').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(drawn).toEqual([4 * 28 + 3, 2 * 28 + 1]);
  await page.screenshot({ path: testInfo.outputPath('lesson-7.png') });
  expect(problems).toEqual([]);
});
