import { execFile, type ExecFileException } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * PyTorch CPU reference for the training benchmark: runs bench/torch/reference.py, which trains
 * the same preset GAN (same layers, losses, Adam settings, batch 64) with torch.nn, and returns
 * its median milliseconds per iteration (1 D step + 1 G step). Never throws: without torch, or
 * when the run fails, it answers `{ skipped: reason }`.
 *
 * Debian's torch (`apt-get install -y python3-torch`) goes to /usr/bin/python3, which is often not
 * the `python3` on PATH (pyenv), so that interpreter is tried first. `TORCH_PYTHON` overrides both.
 * Debian's torch runs its GEMMs on the system libblas.so.3: the reference BLAS makes it several
 * times slower than OpenBLAS (`apt-get install -y libopenblas0-pthread`); `blas` says which ran.
 */
export type TorchReferenceResult =
  | { msPerIteration: number; torchVersion: string; msPerIterationMean: number; blas: string; params: { G: number; D: number } }
  | { skipped: string };

const SCRIPT = fileURLToPath(new URL('./torch/reference.py', import.meta.url));
/** The script's exit status when `import torch` fails: try the next interpreter. */
const NO_TORCH = 3;

interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: ExecFileException;
}

function run(file: string, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    try {
      execFile(file, args, { timeout: timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8', killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const code = typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr, error });
      });
    } catch (err) {
      resolve({ code: null, stdout: '', stderr: String(err), error: err as ExecFileException });
    }
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

function parse(stdout: string): TorchReferenceResult {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .pop();
  if (!line) return { skipped: 'torch reference printed no JSON line' };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { skipped: `torch reference printed unparsable JSON: ${line.slice(0, 200)}` };
  }
  const d = data as Record<string, unknown>;
  const params = d.params as Record<string, unknown> | undefined;
  const median = d.ms_per_iteration_median;
  const mean = d.ms_per_iteration_mean;
  if (typeof median !== 'number' || !Number.isFinite(median) || typeof d.torch_version !== 'string') {
    return { skipped: `torch reference JSON lacks ms_per_iteration_median/torch_version: ${line.slice(0, 200)}` };
  }
  return {
    msPerIteration: median,
    torchVersion: d.torch_version,
    msPerIterationMean: typeof mean === 'number' ? mean : median,
    blas: typeof d.blas === 'string' ? d.blas : 'unknown',
    params: { G: Number(params?.G ?? NaN), D: Number(params?.D ?? NaN) },
  };
}

/**
 * Median ms per GAN iteration of the `model` preset in PyTorch on this CPU with `threads` threads,
 * after `warmup` untimed iterations. The timeout scales with the work asked for.
 */
export async function torchReference(
  model: 'mlp' | 'dcgan',
  threads: number,
  iterations: number,
  options: { warmup?: number; timeoutMs?: number } = {},
): Promise<TorchReferenceResult> {
  const warmup = options.warmup ?? (model === 'dcgan' ? 3 : 20);
  // Generous: ~0.25 s per DCGAN iteration on one core here; allow 8x for a loaded machine.
  const perIterationMs = model === 'dcgan' ? 2000 : 300;
  const timeoutMs = options.timeoutMs ?? 60_000 + (iterations + warmup) * perIterationMs;
  const args = [
    SCRIPT,
    '--model',
    model,
    '--threads',
    String(threads),
    '--iterations',
    String(iterations),
    '--warmup',
    String(warmup),
    '--json',
  ];

  const override = process.env.TORCH_PYTHON;
  const candidates = override ? [override] : ['/usr/bin/python3', 'python3'];
  const tried: string[] = [];
  for (const python of candidates) {
    const out = await run(python, args, timeoutMs);
    if (out.code === 0) return parse(out.stdout);
    if (out.error?.code === 'ENOENT') {
      tried.push(`${python}: not found`);
      continue;
    }
    if (out.code === NO_TORCH) {
      tried.push(`${python}: no torch`);
      continue;
    }
    if (out.error?.killed || out.error?.signal) {
      return { skipped: `torch reference (${python}) killed after ${timeoutMs} ms timeout (${out.error.signal ?? 'killed'})` };
    }
    return {
      skipped: `torch reference (${python}) failed with exit ${out.code ?? '?'}: ${lastLine(out.stderr) || out.error?.message || 'no output'}`,
    };
  }
  return { skipped: `no Python with torch (${tried.join('; ')}); install it with: apt-get install -y python3-torch` };
}
