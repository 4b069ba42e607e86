import type { Page } from '@playwright/test';
import { encodeShare } from '../lib/project/share';
import { startApp } from './browser';
import { bigProject } from './editor-project';
import { ms } from './stats';
import { frameCosts } from './trace';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** Drags one node of the 300-node graph and returns the main-thread cost of each frame. */
async function dragFrames(
  page: Page,
  browser: import('@playwright/test').Browser,
  nodeId: string,
): Promise<{ costs: number[]; moved: boolean }> {
  const node = page.getByTestId(`node-${nodeId}`);
  const before = await node.boundingBox();
  if (!before) throw new Error('node not visible');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  // The body, away from the connection handles at the top and bottom centre.
  const x = before.x + before.width / 4;
  const y = before.y + before.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) await page.mouse.move(x + i * 2, y + Math.sin(i / 10) * 40);
  await page.mouse.up();
  const trace = (await browser.stopTracing()).toString();
  const after = await node.boundingBox();
  return { costs: frameCosts(trace), moved: !!after && Math.abs(after.x - before.x) > 20 };
}

/** Times parameter edits in the inspector until the edge label after the edited layer shows the new shape. */
async function editToLabel(page: Page, edgeId: string, runs: number): Promise<{ dom: number[]; frame: number[]; script: number[] }> {
  const dom: number[] = [];
  const frame: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < runs; i++) {
    const units = String(2 + (i % 5));
    const r = await page.evaluate(
      ({ edgeId, units }) =>
        new Promise<{ dom: number; frame: number; script: number }>((resolve, reject) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="inspector"] [data-testid="param-units"] input');
          if (!input) return reject(new Error('no units field'));
          const label = () => document.querySelector(`[data-testid="edge-label-${edgeId}"]`)?.textContent;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const t0 = performance.now();
          setter.call(input, units);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // React handles input events synchronously: by here the update is rendered and committed.
          const script = performance.now() - t0;
          const check = () => {
            if (label() !== units) return false;
            document.querySelector(`[data-testid="edge-label-${edgeId}"]`)?.getBoundingClientRect();
            const t1 = performance.now();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ dom: t1 - t0, frame: performance.now() - t0, script });
              channel.port2.postMessage(0);
            });
            return true;
          };
          queueMicrotask(() => {
            if (check()) return;
            const observer = new MutationObserver(() => check() && observer.disconnect());
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error(`label never showed ${units}`)), 5000);
          });
        }),
      { edgeId, units },
    );
    dom.push(r.dom);
    frame.push(r.frame);
    script.push(r.script);
    await page.waitForTimeout(50);
  }
  return { dom, frame, script };
}

/** The editor stays fluid at 300 nodes: targets under 16 ms per drag frame and per edit. */
export async function benchEditor(): Promise<string[]> {
  const app = await startApp();
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    // tsx (esbuild keepNames) wraps functions sent to page.evaluate in a __name helper the page lacks.
    await page.addInitScript('window.__name = (f) => f');
    const project = bigProject(300);
    await page.goto(`${app.url}/#p=${await encodeShare(project)}`);
    await page.getByTestId('layout-tabs').click();
    await page.getByTestId('tab-discriminator').click();
    const canvas = page.getByTestId('canvas-discriminator');
    await canvas.locator('.react-flow__node').nth(299).waitFor();
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForTimeout(500);

    const drags = [];
    for (const id of ['n150', 'n60', 'n240']) drags.push(await dragFrames(page, app.browser, id));
    const costs = drags.flatMap((d) => d.costs);
    if (!drags.every((d) => d.moved)) throw new Error('a dragged node did not move');

    const last = project.discriminator.edges.at(-1)!;
    await page.getByTestId(`node-${last.source}`).click();
    await page.getByTestId('inspector').getByTestId('param-units').waitFor();
    const edits = await editToLabel(page, last.id, 30);

    return [
      '| measurement (300-node discriminator, production build, Chromium) | samples | median | p95 | target |',
      '|---|---|---|---|---|',
      `| main-thread work per frame while dragging a node | ${costs.length} frames | ${ms(quantile(costs, 0.5))} | ${ms(quantile(costs, 0.95))} | < 16 ms |`,
      `| param edit → React update committed (script only) | ${edits.script.length} edits | ${ms(quantile(edits.script, 0.5))} | ${ms(quantile(edits.script, 0.95))} | |`,
      `| param edit → edge label updated (DOM + layout) | ${edits.dom.length} edits | ${ms(quantile(edits.dom, 0.5))} | ${ms(quantile(edits.dom, 0.95))} | < 16 ms |`,
      `| param edit → next frame painted | ${edits.frame.length} edits | ${ms(quantile(edits.frame, 0.5))} | ${ms(quantile(edits.frame, 0.95))} | (includes vsync wait) |`,
    ];
  } finally {
    await app.stop();
  }
}
