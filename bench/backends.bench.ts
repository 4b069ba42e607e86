import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { torchReference } from './torch-reference';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** Bundles bench/browser-backends/entry.ts and serves it with public/ on localhost. */
function serve(port: number): { close(): void } {
  const out = join('.bench-build');
  mkdirSync(out, { recursive: true });
  const built = spawnSync(
    'npx',
    ['esbuild', 'bench/browser-backends/entry.ts', '--bundle', '--format=esm', `--outfile=${join(out, 'entry.js')}`, '--log-level=warning'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('esbuild failed');
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>backends</title><script type="module" src="/entry.js"></script>',
  );
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = [join(out, path === '/' ? 'index.html' : path), join('public', path)].find((f) => !f.includes('..') && existsSync(f));
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  server.listen(port);
  return { close: () => server.close() };
}

/**
 * Each preset on each tfjs backend in Chromium (this machine: software WebGPU/WebGL), beside the
 * same architectures in PyTorch on the CPU, one thread, the reference a user would otherwise pick.
 */
export async function benchBackends(query = process.env.BACKENDS_QUERY ?? 'mlp=10&dcgan=2'): Promise<string[]> {
  const port = 3210;
  const server = serve(port);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/?${query}`);
    await page.waitForFunction(
      () =>
        (window as unknown as { __results?: unknown; __error?: string }).__results || (window as unknown as { __error?: string }).__error,
      undefined,
      { timeout: 900_000, polling: 2000 },
    );
    const error = await page.evaluate(() => (window as unknown as { __error?: string }).__error);
    if (error) throw new Error(error);
    const rows = await page.evaluate(
      () =>
        (
          window as unknown as {
            __results: { preset: string; backend: string; msPerIteration: number | null; note: string; handWritten?: number }[];
          }
        ).__results,
    );
    const torch = {
      'mlp-gan-mnist': await torchReference('mlp', 1, 100),
      'dcgan-mnist': await torchReference('dcgan', 1, 10),
    } as const;
    const lines = ['| preset | backend | ms per iteration | vs PyTorch CPU (1 thread) |', '|---|---|---|---|'];
    for (const preset of ['mlp-gan-mnist', 'dcgan-mnist'] as const) {
      const ref = torch[preset];
      const refMs = 'msPerIteration' in ref ? ref.msPerIteration : null;
      for (const r of rows.filter((x) => x.preset === preset)) {
        const ms = r.msPerIteration;
        lines.push(
          `| ${preset} | ${r.backend} | ${ms === null ? `— (${r.note})` : ms.toFixed(1)} | ${ms !== null && refMs ? `${(ms / refMs).toFixed(1)}× slower` : ''} |`,
        );
      }
      lines.push(
        `| ${preset} | PyTorch ${'torchVersion' in ref ? ref.torchVersion : ''} CPU, 1 thread | ${refMs !== null ? refMs.toFixed(1) : `— (${'skipped' in ref ? ref.skipped : ''})`} | 1.0× |`,
      );
    }
    lines.push(
      '',
      '| overhead on webgl (Chromium) | trainer ms/it | hand-written ms/it | ratio (it/s trainer ÷ hand) |',
      '|---|---|---|---|',
    );
    for (const r of rows.filter((x) => x.handWritten !== undefined && x.msPerIteration !== null)) {
      lines.push(
        `| ${r.preset} | ${r.msPerIteration!.toFixed(1)} | ${r.handWritten!.toFixed(1)} | ${(r.handWritten! / r.msPerIteration!).toFixed(2)} |`,
      );
    }
    return lines;
  } finally {
    await browser.close();
    server.close();
  }
}
