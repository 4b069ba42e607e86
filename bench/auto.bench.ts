import type { Page } from '@playwright/test';
import { PRESET_IDS } from '../lib/project/presets';
import { startApp } from './browser';

const CHOICES = ['auto', 'wasm', 'wasm-1', 'webgpu', 'webgl'] as const;
type Choice = (typeof CHOICES)[number];
const TITLES: Record<Choice, string> = {
  auto: 'auto',
  wasm: 'wasm, all cores',
  'wasm-1': 'wasm, 1 thread',
  webgpu: 'webgpu',
  webgl: 'webgl',
};

/**
 * The page without cross-origin isolation (its two headers stripped): what wasm does on one thread,
 * measured in the same run as on all cores.
 */
async function withoutIsolation(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
}

/** A backend with no iteration by then is reported as such (software WebGL on a DCGAN takes minutes). */
const FIRST_LIMIT_MS = Number(process.env.AUTO_FIRST_LIMIT_S ?? 60) * 1000;

const iterationOf = async (page: Page) => Number(await page.getByTestId('iteration').innerText());

/**
 * One preset on one backend choice, as a person runs it in the app (the worker trains while the
 * dashboard draws): milliseconds from pressing Train to iteration 1, then steady milliseconds per
 * iteration over the last `steadyS` seconds of a `runS`-second run (auto's trials and moves included).
 */
async function measure(page: Page, url: string, preset: string, choice: Choice, runS: number, steadyS: number) {
  await page.goto(url);
  await page.locator('.layer-node').first().waitFor();
  await page.getByTestId('presets').selectOption(preset);
  await page.getByTestId('side-train').click();
  await page.getByTestId('backend-choice').selectOption(choice === 'wasm-1' ? 'wasm' : choice);
  const pressed = Date.now();
  await page.getByTestId('train-play').click();
  let first: number | null = null;
  try {
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="iteration"]')?.textContent) >= 1, undefined, {
      timeout: FIRST_LIMIT_MS,
      polling: 20,
    });
    first = Date.now() - pressed;
  } catch {
    return {
      first: null,
      ms: null,
      backend: (
        await page
          .getByTestId('backend')
          .innerText()
          .catch(() => 'no backend')
      ).slice(0, 140),
    };
  }
  const settleUntil = pressed + (runS - steadyS) * 1000;
  if (Date.now() < settleUntil) await page.waitForTimeout(settleUntil - Date.now());
  const [t0, i0] = [Date.now(), await iterationOf(page)];
  await page.waitForTimeout(steadyS * 1000);
  const [t1, i1] = [Date.now(), await iterationOf(page)];
  const backend = (await page.getByTestId('backend').innerText()).replace(/\s+/g, ' ').slice(0, 160);
  await page.getByTestId('train-pause').click();
  await page
    .getByTestId('train-play')
    .waitFor({ timeout: 60_000 })
    .catch(() => undefined);
  return { first, ms: i1 > i0 ? (t1 - t0) / (i1 - i0) : null, backend };
}

/**
 * Auto against every single backend, per preset, in the app: time to the first iteration and
 * steady ms per iteration; "regret" = auto ÷ the best single backend (the single-threaded wasm of a
 * page without cross-origin isolation included), measured in the same run.
 * Auto runs on a fresh profile (no remembered decision), so its trials are in the figures.
 */
export async function benchAuto(): Promise<string[]> {
  const runS = Number(process.env.AUTO_RUN_S ?? 45);
  const steadyS = Number(process.env.AUTO_STEADY_S ?? 15);
  const presets = (process.env.AUTO_PRESETS?.split(',') ?? PRESET_IDS) as string[];
  const app = await startApp(3202);
  const rows: string[] = [
    `Each cell: time from Train to iteration 1 / steady ms per iteration (last ${steadyS} s of ${runS} s), in the app's worker while the dashboard draws; fresh browser context per cell.`,
    '',
    `| preset | ${CHOICES.map((c) => TITLES[c]).join(' | ')} | auto regret (auto ÷ best single) | where auto ended |`,
    `|---|${CHOICES.map(() => '---').join('|')}|---|---|`,
  ];
  try {
    for (const preset of presets) {
      const cells: Record<string, { first: number | null; ms: number | null; backend: string }> = {};
      for (const choice of CHOICES) {
        const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        if (choice === 'wasm-1') await withoutIsolation(page);
        try {
          cells[choice] = await measure(page, app.url, preset, choice, runS, steadyS);
        } catch (err) {
          cells[choice] = { first: null, ms: null, backend: `failed: ${err instanceof Error ? err.message.slice(0, 80) : String(err)}` };
        } finally {
          await context.close();
        }
        console.error(preset, choice, JSON.stringify(cells[choice]));
      }
      const singles = CHOICES.filter((c) => c !== 'auto')
        .map((c) => cells[c]!.ms)
        .filter((m): m is number => m !== null);
      const best = Math.min(...singles);
      const auto = cells.auto!;
      const regret = auto.ms !== null && Number.isFinite(best) ? (auto.ms / best).toFixed(2) : '-';
      const cell = (c: Choice) => {
        const r = cells[c]!;
        return r.first === null
          ? `no iteration in ${FIRST_LIMIT_MS / 1000} s`
          : `${(r.first / 1000).toFixed(1)} s / ${r.ms === null ? '-' : r.ms.toFixed(0)} ms`;
      };
      rows.push(
        `| ${preset} | ${CHOICES.map(cell).join(' | ')} | ${regret} | ${auto.backend.split(/ (started|timed|moved|measured|stays|wasm ran)/)[0]} |`,
      );
    }
  } finally {
    await app.stop();
  }
  return rows;
}
