import { startApp } from './browser';

/**
 * While the MLP GAN trains in the worker, the page's main thread must stay free: count long
 * tasks (> 50 ms, PerformanceObserver 'longtask') over a stretch of training. Target: 0.
 */
export async function benchResponsiveness(seconds = 30): Promise<string[]> {
  const app = await startApp(3201);
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(app.url);
    await page.locator('.layer-node').first().waitFor();
    await page.getByTestId('presets').selectOption('mlp-gan-mnist');
    await page.getByTestId('side-train').click();
    await page.getByTestId('train-play').click();
    await page.getByTestId('train-pause').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="iteration"]')?.textContent) > 0, undefined, {
      timeout: 120_000,
    });
    const backend = await page.getByTestId('backend').innerText();
    // Count from here: backend choice and start-up are over; this is steady training.
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
    const startIteration = Number(await page.getByTestId('iteration').innerText());
    await page.waitForTimeout(seconds * 1000);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    const endIteration = Number(await page.getByTestId('iteration').innerText());
    await page.getByTestId('train-pause').click();
    return [
      '| measurement | value |',
      '|---|---|',
      `| training | mlp-gan-mnist, ${backend.split(' ')[0]}, ${endIteration - startIteration} iterations in ${seconds} s |`,
      `| main-thread long tasks (> 50 ms) during training | **${long.length}**${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''} |`,
    ];
  } finally {
    await app.stop();
  }
}
