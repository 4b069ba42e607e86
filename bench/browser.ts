import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../playwright.config';

/** Builds the production app if needed, serves it, and opens Debian Chromium with the e2e flags. */
export async function startApp(port = 3200): Promise<{ url: string; browser: Browser; stop(): Promise<void> }> {
  if (!existsSync('.next/BUILD_ID')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 150) throw new Error('next start did not come up');
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    url,
    browser,
    stop: async () => {
      await browser.close();
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    },
  };
}
