import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseProjectText } from '../../lib/project/parse';
import type { GanProject } from '../../lib/project/schema';

export type Role = 'generator' | 'discriminator';

export const canvas = (page: Page, role: Role) => page.getByTestId(`canvas-${role}`);
export const node = (page: Page, role: Role, id: string) => canvas(page, role).getByTestId(`node-${id}`);
export const nodes = (page: Page, role: Role) => canvas(page, role).locator('.layer-node');

/** Opens the editor and waits until the first canvas has drawn its nodes. */
export async function openEditor(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.locator('.layer-node').first()).toBeVisible();
}

/** Drags a layer from the palette and drops it at a point of a canvas (fractions of its box). */
export async function dropLayer(page: Page, role: Role, kind: string, at: { x: number; y: number }): Promise<void> {
  const target = canvas(page, role);
  const box = (await target.boundingBox())!;
  await page.getByTestId(`palette-${kind}`).dragTo(target, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects `from`'s out handle to `to`'s in handle by dragging with the mouse, as a person does. */
export async function connect(page: Page, role: Role, from: string, to: string): Promise<void> {
  const flow = canvas(page, role);
  const a = await centre(flow.locator(`.react-flow__handle[data-nodeid="${from}"][data-handleid="out"]`));
  const b = await centre(flow.locator(`.react-flow__handle[data-nodeid="${to}"][data-handleid="in"]`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/** Selects a node and sets params in the inspector by typing or choosing, like a person. */
export async function setParams(page: Page, role: Role, id: string, values: Record<string, string>): Promise<void> {
  await node(page, role, id).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText(id);
  for (const [name, value] of Object.entries(values)) {
    const field = inspector.getByTestId(`param-${name}`);
    const select = field.locator('select');
    if (await select.count()) await select.selectOption(value);
    else {
      const input = field.locator('input');
      await input.fill(value);
    }
  }
}

/** Saves the project through the Save button and reads the downloaded file back. */
export async function saveProject(page: Page): Promise<GanProject> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
  const text = await readFile((await download.path())!, 'utf8');
  const parsed = parseProjectText(text);
  if (!parsed.ok) throw new Error(`saved file does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.project;
}

/** The header's parameter count of one network, as a number. */
export async function headerParams(page: Page, role: Role): Promise<number> {
  return Number((await page.getByTestId(`params-${role}`).innerText()).replace(/,/g, ''));
}

/** Waits for the autosave debounce and its IndexedDB write. */
export async function settleAutosave(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}
