import { expect, test, type Page } from '@playwright/test';
import { exercisePayload, type Exercise } from '../lib/classroom/exercise';
import { presetProject } from '../lib/project/presets';
import { packLinkText } from '../lib/project/share';
import { connect, node, nodes, openEditor, saveProject, settleAutosave } from './support/editor';

const TITLE = 'Five steps <b>on</b> the Gaussian';
const INSTRUCTIONS = 'Press Step in the Train tab.\nWatch D(x) and D(G(z)) move.';

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').innerText());
}

test('a teacher makes an exercise; a student opening the link sees exactly it and meets the goal', async ({ page, browser }) => {
  // Teacher: a preset, then the dialog, filled in like a person would.
  await openEditor(page);
  await page.getByTestId('presets').selectOption('gan-1d-gaussian');
  await expect(page.getByTestId('project-name')).toHaveValue(/Gaussian/);
  await page.getByTestId('make-exercise').click();
  const dialog = page.getByTestId('exercise-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('exercise-title').fill(TITLE);
  await dialog.getByTestId('exercise-instructions').fill(INSTRUCTIONS);
  await dialog.getByTestId('exercise-palette-none').click();
  await expect(dialog).toContainText('0 of 19 layers');
  for (const kind of ['dense', 'activation', 'output']) await dialog.getByTestId(`exercise-palette-${kind}`).check();
  await dialog.getByTestId('exercise-hide-export').check();
  await dialog.getByTestId('exercise-hide-presets').check();
  await dialog.getByTestId('exercise-hide-setting.loss').check();
  await dialog.getByTestId('exercise-lock-dataset').check();
  await dialog.getByTestId('exercise-lock-graph').check();
  await dialog.getByTestId('exercise-lock-setting.lrD').check();
  await dialog.getByTestId('exercise-lock-undo').check();
  // A quality goal (for image data) offers the meter's figures, each with a bound that fits it.
  await dialog.getByTestId('goal-kind').selectOption('quality');
  await dialog.getByTestId('goal-measure').selectOption('labelAccuracy');
  await expect(dialog.getByTestId('goal-quality')).toHaveValue('90');
  await expect(dialog.getByTestId('exercise-goal-preview')).toHaveText(
    'Students see the goal: The label accuracy of the generator’s samples is at least 90 %',
  );
  await dialog.getByTestId('goal-measure').selectOption('fid');
  await dialog.getByTestId('goal-quality').fill('60');
  await expect(dialog.getByTestId('exercise-goal-preview')).toHaveText(
    'Students see the goal: The FID of the generator’s samples (lower is better) is at most 60',
  );
  await dialog.getByTestId('goal-kind').selectOption('iterations');
  await dialog.getByTestId('goal-count').fill('');
  await expect(dialog.getByTestId('exercise-copy')).toBeDisabled();
  await dialog.getByTestId('goal-count').fill('5');
  await expect(dialog.getByTestId('exercise-goal-preview')).toHaveText('Students see the goal: Train for at least 5 iterations');
  await dialog.getByTestId('exercise-copy').click();
  const link = await dialog.getByTestId('exercise-link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#x=[A-Za-z0-9_-]+$/);
  await page.screenshot({ path: 'test-results/exercise-teacher-dialog.png' });
  await dialog.getByTestId('exercise-close').click();
  // Making an exercise leaves the teacher's own editor as it was.
  await expect(page.getByTestId('exercise-banner')).toHaveCount(0);
  await expect(page.getByTestId('export')).toBeVisible();

  // Student: a fresh browser profile opens the link.
  const student = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const s = await student.newPage();
  await s.goto(link);
  await expect(s.locator('.layer-node').first()).toBeVisible();
  await expect(s.getByTestId('notice')).toContainText(`Opened exercise “${TITLE}”`);
  const banner = s.getByTestId('exercise-banner');
  await expect(banner.getByTestId('exercise-title-text')).toHaveText(TITLE);
  expect(await banner.locator('b').count()).toBe(0);
  await expect(banner.getByTestId('exercise-instructions-text')).toHaveText(INSTRUCTIONS);
  await expect(banner.getByTestId('exercise-goal')).toHaveText('Train for at least 5 iterations');
  const status = s.getByTestId('exercise-status');
  await expect(status).toHaveAttribute('data-met', 'false');
  await expect(status).toContainText('Not met yet');

  // Hidden: gone. Locked: there, disabled, saying why.
  for (const id of ['export', 'presets', 'make-exercise']) await expect(s.getByTestId(id)).toHaveCount(0);
  await expect(s.getByTestId('save')).toBeEnabled();
  await expect(s.getByTestId('dataset')).toBeDisabled();
  await expect(s.getByTestId('dataset')).toHaveAttribute('title', 'Your teacher locked this in the exercise');

  // The palette offers only the chosen layers, and with the graph locked they cannot be added.
  const palette = s.locator('.palette .palette-item');
  await expect(palette).toHaveCount(3);
  await expect(s.getByTestId('palette-conv2d')).toHaveCount(0);
  await expect(s.getByTestId('palette-dense')).toBeDisabled();
  await expect(s.getByTestId('graph-locked-generator')).toBeVisible();

  // The graph is read-only: a drag, a new connection and Delete change nothing in the document.
  const project = await saveProject(s);
  const target = node(s, 'generator', 'g2');
  const box = (await target.boundingBox())!;
  await target.hover();
  await s.mouse.down();
  await s.mouse.move(box.x + 200, box.y + 120, { steps: 8 });
  await s.mouse.up();
  await connect(s, 'generator', 'z', 'g2');
  await node(s, 'generator', 'g1').click();
  await s.keyboard.press('Delete');
  await expect(nodes(s, 'generator')).toHaveCount(project.generator.nodes.length);
  expect(await saveProject(s)).toEqual(project);

  // Undo is locked: the button says why, and Ctrl+Z leaves a renamed project as it is.
  const undo = s.getByTestId('undo');
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAttribute('title', 'Your teacher locked this in the exercise');
  await expect(s.getByTestId('redo')).toBeVisible();
  await s.getByTestId('project-name').fill('My attempt at the Gaussian');
  await node(s, 'generator', 'g1').click();
  await s.keyboard.press('Control+z');
  await expect(s.getByTestId('project-name')).toHaveValue('My attempt at the Gaussian');

  // Training: the loss setting is hidden, D's learning rate locked; Step until the goal holds.
  await s.getByTestId('side-train').click();
  await expect(s.getByTestId('training-settings')).toBeVisible();
  await expect(s.getByTestId('setting-loss')).toHaveCount(0);
  await expect(s.getByTestId('setting-lrD')).toBeDisabled();
  await expect(s.getByTestId('setting-lrG')).toBeEnabled();
  const step = s.getByTestId('train-step');
  for (let i = 1; i <= 5; i++) {
    await expect(status).toHaveAttribute('data-met', 'false');
    await expect(step).toBeEnabled({ timeout: 90_000 });
    await step.click();
    await expect.poll(() => iteration(s), { timeout: 90_000 }).toBe(i);
  }
  await expect(status).toHaveAttribute('data-met', 'true');
  await expect(status).toContainText('Goal met');
  await s.screenshot({ path: 'test-results/exercise-student.png' });

  // A reload stays in the exercise, remembering that the goal was reached.
  await s.reload();
  await expect(s.getByTestId('exercise-banner')).toBeVisible();
  await expect(s.getByTestId('exercise-status')).toHaveAttribute('data-completed', 'true');
  await expect(s.getByTestId('export')).toHaveCount(0);

  // Leaving keeps the project as an ordinary one, with every control back.
  await s.getByTestId('exercise-leave').click();
  await expect(s.getByTestId('exercise-banner')).toHaveCount(0);
  await expect(s.getByTestId('export')).toBeVisible();
  await expect(s.getByTestId('dataset')).toBeEnabled();
  await expect(s.locator('.palette .palette-item')).toHaveCount(19);
  await expect(s.getByTestId('project-name')).toHaveValue(/Gaussian/);
  await s.reload();
  await expect(s.locator('.layer-node').first()).toBeVisible();
  await expect(s.getByTestId('exercise-banner')).toHaveCount(0);
  await student.close();
});

test('a damaged or invalid exercise link opens nothing and leaves the project intact', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('presets').selectOption('dcgan-mnist');
  await settleAutosave(page);
  const before = await saveProject(page);

  const good: Exercise = { title: 'ok', instructions: '', palette: null, hidden: [], locked: [], check: { kind: 'valid' } };
  const encoded = await packLinkText(exercisePayload(presetProject('gan-2d-ring'), good));
  const invalidCheck = await packLinkText(
    exercisePayload(presetProject('gan-2d-ring'), { ...good, check: { kind: 'eval', code: 'alert(1)' } } as unknown as Exercise),
  );
  const unknownControl = await packLinkText(
    exercisePayload(presetProject('gan-2d-ring'), { ...good, hidden: ['selfDestruct'] } as unknown as Exercise),
  );
  const cases: [string, RegExp][] = [
    [encoded.slice(0, Math.floor(encoded.length / 2)), /cut short/],
    ['%%%not-base64', /not valid base64url/],
    [invalidCheck, /exercise\.check/],
    [unknownControl, /exercise\.hidden\.0/],
  ];
  for (const [hash, reason] of cases) {
    // A fresh load, so the link is read at start-up (a hash change alone is tested below).
    await page.goto('about:blank');
    await page.goto(`/#x=${hash}`);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('This exercise link could not be opened. Nothing was loaded from it.');
    await expect(notice).toContainText(reason);
    await expect(page.getByTestId('exercise-banner')).toHaveCount(0);
    await expect(nodes(page, 'generator')).toHaveCount(before.generator.nodes.length);
    expect(await saveProject(page)).toEqual(before);
  }
  await page.screenshot({ path: 'test-results/exercise-broken-link.png' });

  // Pasted into the address bar of an open editor: the same, and the project stays.
  await page.evaluate(() => {
    location.hash = '#x=AAAAAAAA';
  });
  await expect(page.getByTestId('notice')).toContainText('This exercise link could not be opened. Your project is unchanged.');
  expect(await saveProject(page)).toEqual(before);

  // And a good one pasted the same way enters the exercise.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#x=${encoded}`);
  await expect(page.getByTestId('exercise-banner')).toBeVisible();
  await expect(page.getByTestId('exercise-goal')).toHaveText('Both networks have no errors');
  await expect(page.getByTestId('exercise-status')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('project-name')).toHaveValue(presetProject('gan-2d-ring').name);
});
