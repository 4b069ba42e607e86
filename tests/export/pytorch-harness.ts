import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { compile } from '@/lib/compiler/compile';
import { contextFor } from '@/lib/compiler/context';
import { encodeImageSet } from '@/lib/data/image-set';
import { createRng } from '@/lib/data/rng';
import { projectIr } from '@/lib/export/model-ir';
import { exportPyTorch } from '@/lib/export/pytorch';
import { saveLayersArtifacts } from '@/lib/export/tfjs-artifacts';
import type { Role } from '@/lib/project/kinds';
import type { GanProject } from '@/lib/project/schema';

/** The Python that runs the exports: GANVAS_PYTHON, or Debian's, which has torch (the pyenv one has not). */
export const PYTHON = process.env.GANVAS_PYTHON ?? '/usr/bin/python3';

/** Why the PyTorch tests cannot run here, or null when torch and numpy import. */
export function torchMissingReason(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return `${PYTHON} did not start (${r.error.message}); set GANVAS_PYTHON to a Python with torch`;
  if (r.status !== 0) return `${PYTHON} cannot import torch and numpy (${r.stderr.trim().split('\n').at(-1)}); set GANVAS_PYTHON`;
  return null;
}

/** Runs a command to completion; throws with its stderr (and stdout) when it fails. */
export function run(cmd: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): string {
  const r = spawnSync(cmd, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (r.error || r.status !== 0) {
    const tail = (s: string) => s.split('\n').slice(-40).join('\n');
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail(r.stderr)}\n--- stdout ---\n${tail(r.stdout)}`,
    );
  }
  return r.stdout;
}

/** Runs Python code given as text, with `args`. */
export function runPython(code: string, args: string[] = [], timeoutMs?: number): string {
  return run(PYTHON, ['-c', code, ...args], { timeoutMs });
}

export function writeExport(dir: string, project: GanProject): void {
  mkdirSync(dir, { recursive: true });
  for (const f of exportPyTorch(project).files) writeFileSync(join(dir, f.path), f.text);
}

function writeF32(path: string, data: Float32Array): void {
  writeFileSync(path, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

/**
 * Biases, BatchNorm and LayerNorm weights start at 0 or 1 in tfjs, which would hide a mix-up of
 * beta and gamma or of the moving statistics: give them random values (kernels keep glorot).
 */
function randomizeWeights(model: tf.LayersModel, seed: number): void {
  model.weights.forEach((w, i) => {
    const name = w.originalName;
    const positive = /\/(gamma|moving_variance)$/.test(name);
    if (!positive && !/\/(bias|beta|moving_mean)$/.test(name)) return;
    const value = tf.randomUniform(w.shape as number[], positive ? 0.5 : -0.5, positive ? 1.5 : 0.5, 'float32', seed + i);
    w.write(value);
    value.dispose();
  });
}

/** One project prepared for the Python check: its export, tfjs weights, inputs and tfjs's outputs. */
export interface Case {
  name: string;
  spec: {
    name: string;
    export: string;
    weights: string;
    roles: Record<Role, { inputs: { file: string; shape: number[] }[]; out: string }>;
  };
  expected: Record<Role, { data: Float32Array; shape: number[]; params: number }>;
}

const BATCH = 3;

/** Compiles both networks (seeded), saves their weights in the tfjs layers format and runs them on fixed inputs. */
export async function prepareCase(root: string, name: string, project: GanProject, seed = 7): Promise<Case> {
  const dir = join(root, name);
  writeExport(join(dir, 'export'), project);
  const ir = projectIr(project);
  const rng = createRng(seed);
  const spec: Case['spec'] = { name, export: join(dir, 'export'), weights: join(dir, 'weights'), roles: {} as Case['spec']['roles'] };
  const expected = {} as Case['expected'];
  for (const role of ['generator', 'discriminator'] as const) {
    const model = compile(project[role], contextFor(project, role), { name: role, seed: seed + (role === 'generator' ? 0 : 1) });
    randomizeWeights(model, seed * 31 + (role === 'generator' ? 0 : 1000));
    const artifacts = await saveLayersArtifacts(tf, model);
    const wdir = join(dir, 'weights', role);
    mkdirSync(wdir, { recursive: true });
    writeFileSync(join(wdir, 'model.json'), artifacts.modelJson);
    writeFileSync(join(wdir, 'weights.bin'), artifacts.weightsBin);
    const inputs = ir[role].inputs.map((id, i) => {
      const node = ir[role].nodes.find((n) => n.id === id)!;
      const shape = [BATCH, ...node.shape];
      const size = shape.reduce((a, b) => a * b, 1);
      const data = Float32Array.from({ length: size }, () =>
        node.kind === 'data' && node.shape.length === 3 ? rng.next() * 2 - 1 : rng.normal(),
      );
      if (node.kind === 'label') {
        // One-hot rows: sample r has class 3r mod numClasses.
        const classes = node.shape[0]!;
        data.fill(0);
        for (let r = 0; r < BATCH; r++) data[r * classes + ((3 * r) % classes)] = 1;
      }
      const file = join(dir, `${role}-in${i}.f32`);
      writeF32(file, data);
      return { file, shape, tensor: tf.tensor(data, shape) };
    });
    const out = model.predict(inputs.length === 1 ? inputs[0]!.tensor : inputs.map((x) => x.tensor)) as tf.Tensor;
    expected[role] = { data: out.dataSync() as Float32Array, shape: out.shape.slice(), params: ir[role].totalParams };
    tf.dispose([out, ...inputs.map((x) => x.tensor)]);
    model.dispose();
    spec.roles[role] = { inputs: inputs.map(({ file, shape }) => ({ file, shape })), out: join(dir, `${role}-out.f32`) };
  }
  return { name, spec, expected };
}

/** Loads every case's models.py and weights.py, counts parameters, loads the weights and runs both nets in eval mode. */
const CHECK_PY = `
import importlib.util, json, os, sys, traceback
import numpy as np
import torch
torch.set_grad_enabled(False)

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

def run_case(i, case):
    models = load(os.path.join(case["export"], "models.py"), "models_%d" % i)
    weights = load(os.path.join(case["export"], "weights.py"), "weights_%d" % i)
    out = {}
    for role, cls in (("generator", models.Generator), ("discriminator", models.Discriminator)):
        net = cls()
        count = sum(p.numel() for p in net.parameters()) + sum(b.numel() for b in net.buffers())
        weights.load_tfjs_weights(net, os.path.join(case["weights"], role))
        net.eval()
        args = []
        for item in case["roles"][role]["inputs"]:
            t = torch.from_numpy(np.fromfile(item["file"], dtype="<f4").reshape(item["shape"]))
            args.append(t.permute(0, 3, 1, 2) if t.dim() == 4 else t)
        y = net(*args)
        if y.dim() == 4:
            y = y.permute(0, 2, 3, 1)
        y.contiguous().numpy().astype("<f4").tofile(case["roles"][role]["out"])
        out[role] = {"params": count, "shape": list(y.shape)}
    return out

results = {}
for i, case in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):
    try:
        results[case["name"]] = run_case(i, case)
    except Exception:
        results[case["name"]] = {"error": traceback.format_exc()}
print(json.dumps(results))
`;

export interface CaseResult {
  /** Python's traceback when the case failed there. */
  error?: string;
  params: Record<Role, { torch: number; tfjs: number }>;
  shapes: Record<Role, { torch: number[]; tfjs: number[] }>;
  maxDiff: Record<Role, number>;
}

/** Runs all cases in one Python process and compares with tfjs: parameter counts, shapes, max |difference|. */
export function checkCases(root: string, cases: Case[]): Map<string, CaseResult> {
  const specFile = join(root, `cases-${cases[0]?.name ?? 'none'}.json`);
  writeFileSync(specFile, JSON.stringify(cases.map((c) => c.spec)));
  type Reply = Partial<Record<Role, { params: number; shape: number[] }>> & { error?: string };
  const out = JSON.parse(runPython(CHECK_PY, [specFile]).trim().split('\n').at(-1)!) as Record<string, Reply>;
  const results = new Map<string, CaseResult>();
  for (const c of cases) {
    const r = out[c.name]!;
    const result = { params: {}, shapes: {}, maxDiff: {} } as CaseResult;
    if (r.error) {
      results.set(c.name, { ...result, error: r.error });
      continue;
    }
    for (const role of ['generator', 'discriminator'] as const) {
      const got = new Float32Array(readBytes(c.spec.roles[role].out));
      const want = c.expected[role].data;
      let diff = got.length === want.length ? 0 : Infinity;
      for (let i = 0; i < want.length && diff !== Infinity; i++) {
        const d = Math.abs(got[i]! - want[i]!);
        // A NaN on either side counts as an infinite difference.
        diff = Number.isNaN(d) ? Infinity : Math.max(diff, d);
      }
      result.params[role] = { torch: r[role]!.params, tfjs: c.expected[role].params };
      result.shapes[role] = { torch: r[role]!.shape, tfjs: c.expected[role].shape };
      result.maxDiff[role] = diff;
    }
    results.set(c.name, result);
  }
  return results;
}

function readBytes(path: string): ArrayBuffer {
  const buf = readFileSync(path);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

/** public/data/mnist.bin when packed, else a tiny labelled 28×28 GANV file written to `dir`. */
export function mnistFile(dir: string): string {
  const packed = join(process.cwd(), 'public', 'data', 'mnist.bin');
  if (existsSync(packed)) return packed;
  const count = 64;
  const rng = createRng(3);
  const pixels = Uint8Array.from({ length: count * 28 * 28 }, () => Math.floor(rng.next() * 256));
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const file = join(dir, 'tiny-mnist.bin');
  writeFileSync(file, new Uint8Array(encodeImageSet({ count, shape: [28, 28, 1], pixels, labels, numClasses: 10 })));
  return file;
}

/** A TCP port free right now, for torchrun's rendezvous (its --standalone always takes 29400). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs `script` in `dir` under torchrun with 2 CPU processes; returns their (tee'd) stdout. */
export async function torchrun(dir: string, script: string, args: string[]): Promise<string> {
  const port = await freePort();
  const launch = [
    '-m',
    'torch.distributed.run',
    '--nnodes=1',
    '--nproc_per_node=2',
    '--master_addr=127.0.0.1',
    `--master_port=${port}`,
    '--monitor_interval=0.2',
  ];
  // --redirects/--tee 1: torch 1.13's launcher crashes on Python 3.11 with the default 0 (see README.md).
  return run(PYTHON, [...launch, '--redirects', '1', '--tee', '1', script, ...args], { cwd: dir, timeoutMs: 120_000 });
}
