import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompileError } from '@/lib/compiler/compile';
import { exportPyTorch } from '@/lib/export/pytorch';
import { identifiers, pyString } from '@/lib/export/pytorch/python';
import { PRESET_IDS, presetProject } from '@/lib/project/presets';
import {
  checkCases,
  mnistFile,
  prepareCase,
  PYTHON,
  run,
  runPython,
  torchMissingReason,
  torchrun,
  writeExport,
  type Case,
  type CaseResult,
} from './pytorch-harness';

const reason = torchMissingReason();
if (reason) console.warn(`Skipping the PyTorch export tests that run Python: ${reason}`);
const describeTorch = reason ? describe.skip : describe;

const IMAGE_PRESETS = new Set(['mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist']);

describe('Python identifiers and literals', () => {
  it('keeps clean ids, sanitises the rest, avoids keywords and nn.Module members, and deduplicates', () => {
    const names = identifiers(['g1', 'my-node', 'class', '9lives', 'my_node', 'training', 'forward', '', '__init__', 'x y', 'torch']);
    expect([...names.values()]).toEqual([
      'g1',
      'my_node',
      'class_',
      'n9lives',
      'my_node_2',
      'training_',
      'forward_',
      'n',
      'init__',
      'x_y',
      'torch_',
    ]);
  });

  it('writes every string as an ASCII-only literal that no newline, quote or separator can end', () => {
    for (const text of ['a"b', 'x\ny', "'''", '"""; import os #', '\u2028\u2029', '${x}', '*/', 'back\\slash', 'é漢😀', '\u007f\r\t']) {
      const lit = pyString(text);
      expect(lit).toMatch(/^"([^"\\]|\\.)*"$/);
      expect(lit).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(pyString('😀')).toBe('"\\U0001f600"');
  });
});

describe('exportPyTorch', () => {
  it('writes models.py, train.py, weights.py and README.md', () => {
    expect(exportPyTorch(presetProject('dcgan-mnist')).files.map((f) => f.path)).toEqual([
      'models.py',
      'train.py',
      'weights.py',
      'README.md',
    ]);
  });

  it('throws CompileError on a graph with errors', () => {
    const project = presetProject('dcgan-mnist');
    project.generator.edges = project.generator.edges.filter((e) => e.target !== 'out');
    expect(() => exportPyTorch(project)).toThrow(CompileError);
  });
});

describeTorch('PyTorch export of the presets', () => {
  let root = '';
  let data = '';
  const cases = new Map<string, Case>();
  let results = new Map<string, CaseResult>();
  const timings: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ganvas-pytorch-'));
    data = mnistFile(root);
    for (const id of PRESET_IDS) cases.set(id, await prepareCase(root, id, presetProject(id)));
    const start = performance.now();
    results = checkCases(root, [...cases.values()]);
    timings.push(`check of 5 presets: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }, 120_000);

  afterAll(() => {
    console.info(`PyTorch export timings:\n  ${timings.join('\n  ')}`);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(PRESET_IDS)('%s: torch counts the same parameters and computes the same outputs as tfjs', (id) => {
    const r = results.get(id)!;
    expect(r.error, 'Python raised').toBeUndefined();
    timings.push(`${id}: max |torch - tfjs| G ${r.maxDiff.generator.toExponential(2)}, D ${r.maxDiff.discriminator.toExponential(2)}`);
    for (const role of ['generator', 'discriminator'] as const) {
      expect(r.params[role].torch, `${role} parameters`).toBe(r.params[role].tfjs);
      expect(r.shapes[role].torch, `${role} output shape`).toEqual(r.shapes[role].tfjs);
      expect(r.maxDiff[role], `${role} max |torch - tfjs|`).toBeLessThan(1e-4);
    }
  });

  it('weights.py refuses a missing, an unexpected or a misshapen weight, naming it', () => {
    const c = cases.get('gan-2d-ring')!;
    const folder = join(c.spec.weights, 'generator');
    const original = readFileSync(join(folder, 'model.json'), 'utf8');
    const attempt = (edit: (weights: { name: string; shape: number[] }[]) => void): string => {
      const json = JSON.parse(original);
      edit(json.weightsManifest[0].weights);
      const dir = join(root, `strict-${Math.random().toString(36).slice(2)}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      writeFileSync(join(dir, 'weights.bin'), readFileSync(join(folder, 'weights.bin')));
      const code = [
        'import sys',
        'sys.path.insert(0, sys.argv[1])',
        'from models import Generator',
        'from weights import load_tfjs_weights',
        'try:',
        '    load_tfjs_weights(Generator(), sys.argv[2])',
        '    print("LOADED")',
        'except ValueError as e:',
        '    print("ERROR", e)',
      ].join('\n');
      return runPython(code, [c.spec.export, dir]);
    };
    expect(attempt(() => {})).toContain('LOADED');
    expect(attempt((w) => (w[0]!.name = 'bogus/kernel'))).toMatch(/ERROR .*missing \['g1\/kernel'\], unexpected \['bogus\/kernel'\]/);
    expect(attempt((w) => w[0]!.shape.reverse())).toMatch(/ERROR weight 'g1\/kernel' .*shape \[128, 16\].*needs \[128, 16\]/);
  });

  it.each(PRESET_IDS)(
    '%s: train.py runs 2 iterations from the tfjs weights and saves state_dicts that load',
    (id) => {
      const c = cases.get(id)!;
      const out = join(root, `train-${id}`);
      const args = [join(c.spec.export, 'train.py'), '--iterations', '2', '--out', out, '--weights', c.spec.weights, '--seed', '3'];
      if (IMAGE_PRESETS.has(id)) args.push('--data', data);
      const start = performance.now();
      const stdout = run(PYTHON, args, { timeoutMs: 90_000 });
      timings.push(`${id}: train.py --iterations 2 in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      const line = /iteration 2: D loss (\S+), G loss (\S+), D\(x\) (\S+), D\(G\(z\)\) (\S+)/.exec(stdout);
      expect(line, stdout).not.toBeNull();
      for (const v of line!.slice(1)) expect(Number.isFinite(Number(v)), stdout).toBe(true);
      const code = [
        'import sys, torch',
        'sys.path.insert(0, sys.argv[1])',
        'from models import Discriminator, Generator',
        'Generator().load_state_dict(torch.load(sys.argv[2] + "/generator.pt"))',
        'Discriminator().load_state_dict(torch.load(sys.argv[2] + "/discriminator.pt"))',
        'print("OK")',
      ].join('\n');
      expect(runPython(code, [c.spec.export, out])).toContain('OK');
    },
    90_000,
  );

  it.each(PRESET_IDS)(
    '%s: torchrun --nproc_per_node=2 trains 2 iterations with DDP on CPU (gloo)',
    async (id) => {
      const c = cases.get(id)!;
      const out = join(root, `ddp-${id}`);
      const args = ['--iterations', '2', '--out', out];
      if (IMAGE_PRESETS.has(id)) args.push('--data', data);
      const start = performance.now();
      const stdout = await torchrun(c.spec.export, 'train.py', args);
      timings.push(`${id}: torchrun x2 --iterations 2 in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      expect(stdout).toMatch(/iteration 2: D loss -?\d/);
      // Rank 0 alone prints and saves.
      expect(stdout.match(/iteration 2:/g)).toHaveLength(1);
      expect(existsSync(join(out, 'generator.pt')) && existsSync(join(out, 'discriminator.pt'))).toBe(true);
    },
    120_000,
  );

  it('under DDP, D (wasserstein-gp, BatchNorm) and G get the mean of the per-process gradients', async () => {
    const project = presetProject('dcgan-mnist');
    project.training.loss = 'wasserstein-gp';
    project.training.batchSize = 8;
    const dir = join(root, 'ddp-grads');
    writeExport(dir, project);
    writeFileSync(join(dir, 'grad_check.py'), GRAD_CHECK);
    const start = performance.now();
    const stdout = await torchrun(dir, 'grad_check.py', [data]);
    timings.push(`DDP gradient check in ${((performance.now() - start) / 1000).toFixed(1)} s: ${stdout.trim().split('\n').join('; ')}`);
    for (const net of ['D', 'G']) {
      const m = new RegExp(`${net} worst (\\S+) scale (\\S+)`).exec(stdout);
      expect(m, stdout).not.toBeNull();
      expect(Number(m![2]), `${net} gradients are not all zero`).toBeGreaterThan(0);
      expect(Number(m![1]), `${net}: DDP gradient minus mean of local gradients`).toBeLessThan(1e-5 * Number(m![2]) + 1e-7);
    }
  }, 120_000);
});

/** Runs d_step and g_step once without DDP and once with it, from the same seeds; prints the gap. */
const GRAD_CHECK = `import sys
import types
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
import train
from models import Discriminator, Generator

rank, world, device = train.setup()
torch.manual_seed(0)
generator = Generator()
discriminator = Discriminator()
data = train.load_data(types.SimpleNamespace(data=sys.argv[1]), device)
opt_d = torch.optim.SGD(discriminator.parameters(), lr=0.0)
opt_g = torch.optim.SGD(generator.parameters(), lr=0.0)


def grads(model):
    return [p.grad.detach().clone() for p in model.parameters()]


torch.manual_seed(100 + rank)
train.d_step(generator, discriminator, discriminator, opt_d, data, device)
local_d = grads(discriminator)
torch.manual_seed(200 + rank)
train.g_step(generator, discriminator, opt_g, device)
local_g = grads(generator)

g_net = DistributedDataParallel(generator)
d_net = DistributedDataParallel(discriminator)
torch.manual_seed(100 + rank)
train.d_step(g_net, d_net, discriminator, opt_d, data, device)
ddp_d = grads(discriminator)
torch.manual_seed(200 + rank)
train.g_step(g_net, discriminator, opt_g, device)
ddp_g = grads(generator)

for name, local, ddp in (("D", local_d, ddp_d), ("G", local_g, ddp_g)):
    worst = 0.0
    scale = 0.0
    for a, b in zip(local, ddp):
        dist.all_reduce(a)
        a /= world
        worst = max(worst, (a - b).abs().max().item())
        scale = max(scale, a.abs().max().item())
    if rank == 0:
        print(f"{name} worst {worst:.3e} scale {scale:.3e}", flush=True)
dist.destroy_process_group()
`;
