import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/compiler/analyze';
import type { LayerKind } from '@/lib/project/kinds';
import { presetProject } from '@/lib/project/presets';
import type { GanProject, Graph, ParamValue } from '@/lib/project/schema';
import { chain, graph } from '../helpers/graphs';
import { checkCases, prepareCase, torchMissingReason, type Case, type CaseResult } from './pytorch-harness';

const reason = torchMissingReason();
if (reason) console.warn(`Skipping the PyTorch layer conversion tests: ${reason}`);
const describeTorch = reason ? describe.skip : describe;

type Def = [id: string, kind: LayerKind, params?: Record<string, ParamValue>];

const NOISE_DIM = 8;

/** G: noise -> Dense -> Reshape to `image`, then `defs` (a chain unless `links` are given), then Output. */
function generator(image: [number, number, number], defs: Def[], links?: [string, string][]): Graph {
  const head: Def[] = [
    ['z', 'noise', { dim: NOISE_DIM }],
    ['g0', 'dense', { units: image[0] * image[1] * image[2] }],
    ['img', 'reshape', { targetShape: image }],
  ];
  const all = [...head, ...defs, ['out', 'output'] as Def];
  if (!links) return chain(all);
  return graph(all, [['z', 'g0'], ['g0', 'img'], ...links, [defs.at(-1)![0], 'out']]);
}

/** A project whose dataset is images of exactly the generator's output shape, with a minimal D. */
function imageProject(g: Graph, d?: Graph): GanProject {
  const base = presetProject('dcgan-mnist');
  const training = { ...base.training, noise: { dim: NOISE_DIM, distribution: 'normal' as const } };
  const last = g.edges.find((e) => e.target === 'out')!.source;
  const shape = analyze(g, { role: 'generator', dataShape: [1], noise: training.noise }).shapes[last];
  const [height = 0, width = 0, channels = 0] = shape ?? [];
  if (shape?.length !== 3 || (channels !== 1 && channels !== 3) || Math.min(height, width) < 4) {
    throw new Error(`test case: G must output 4+ × 4+ × 1|3 images, not ${JSON.stringify(shape)}`);
  }
  const discriminator =
    d ??
    chain([
      ['x', 'data'],
      ['flat', 'flatten'],
      ['d', 'dense', { units: 1 }],
      ['out', 'output'],
    ]);
  return {
    ...base,
    name: 'layer conversion',
    generator: g,
    discriminator,
    dataset: { id: 'images', options: { height, width, channels: channels as 1 | 3 } },
    training,
  };
}

function layerCases(): [string, GanProject][] {
  const cases: [string, GanProject][] = [];
  const add = (name: string, g: Graph, d?: Graph) => cases.push([name, imageProject(g, d)]);
  for (const padding of ['same', 'valid']) {
    for (const s of [1, 2, 3]) {
      // Kernels below, at and above the stride; a non-square input catches height/width swaps.
      for (const k of [1, 2, 3, 4, 5])
        add(
          `convT-k${k}-s${s}-${padding}`,
          generator([5, 4, 2], [['t', 'conv2dTranspose', { filters: 3, kernelSize: k, strides: s, padding }]]),
        );
      for (const k of [1, 2, 3, 4])
        add(`conv-k${k}-s${s}-${padding}`, generator([14, 13, 2], [['c', 'conv2d', { filters: 3, kernelSize: k, strides: s, padding }]]));
      for (const kind of ['maxPooling2d', 'averagePooling2d'] as const) {
        for (const size of [2, 3])
          add(`${kind}-p${size}-s${s}-${padding}`, generator([14, 13, 3], [['p', kind, { poolSize: size, strides: s, padding }]]));
      }
    }
    for (const kind of ['maxPooling2d', 'averagePooling2d'] as const)
      add(`${kind}-p3-default-${padding}`, generator([14, 13, 3], [['p', kind, { poolSize: 3, padding }]]));
  }
  for (const interpolation of ['nearest', 'bilinear']) {
    for (const size of [1, 2, 3, 7])
      add(`up-${interpolation}-${size}`, generator([5, 4, 3], [['u', 'upSampling2d', { size, interpolation }]]));
  }
  // Concatenate along height, width and channels, with negative axes too.
  for (const axis of [0, 1, 2, -1, -2, -3]) {
    const channelAxis = axis === 2 || axis === -1;
    const defs: Def[] = [
      ['a', 'conv2d', { filters: channelAxis ? 2 : 3, kernelSize: 1 }],
      ['b', 'conv2d', { filters: channelAxis ? 1 : 3, kernelSize: 3 }],
      ['cat', 'concatenate', { axis }],
    ];
    add(
      `concat-axis${axis}`,
      generator([6, 5, 2], defs, [
        ['img', 'a'],
        ['img', 'b'],
        ['a', 'cat'],
        ['b', 'cat'],
      ]),
    );
  }
  add(
    'reshape-image-to-image-and-rank2-norms',
    generator(
      [6, 5, 3],
      [
        ['r1', 'reshape', { targetShape: [5, 6, 3] }],
        ['r2', 'reshape', { targetShape: [-1, 10, 3] }],
        ['r3', 'reshape', { targetShape: [30, 3] }],
        ['bn', 'batchNorm', { momentum: 0.9, epsilon: 0.01 }],
        ['ln', 'layerNorm', { epsilon: 1e-5 }],
        ['r4', 'reshape', { targetShape: [6, 5, 3] }],
      ],
    ),
  );
  add(
    'rescale-on-images',
    generator(
      [6, 5, 3],
      [
        ['c', 'conv2d', { filters: 3, kernelSize: 3 }],
        ['s', 'rescale', { scale: 4, offset: -0.5 }],
      ],
    ),
  );
  add(
    'norms-on-images',
    generator(
      [6, 5, 2],
      [
        ['c', 'conv2d', { filters: 3, kernelSize: 3 }],
        ['bn', 'batchNorm', { momentum: 0.5 }],
        ['ln', 'layerNorm'],
      ],
    ),
  );
  const acts: Def[] = ['elu', 'selu', 'softplus', 'sigmoid', 'linear', 'relu', 'tanh'].map((fn) => [fn, 'activation', { fn }]);
  add(
    'activations-add-dropout',
    generator(
      [6, 5, 3],
      [['lr', 'activation', { fn: 'leakyRelu', alpha: 0.1 }], ...acts, ['sum', 'add'], ['drop', 'dropout', { rate: 0.5 }]],
      [
        ['img', 'lr'],
        ...acts.map((a, i): [string, string] => [i === 0 ? 'lr' : acts[i - 1]![0], a[0]]),
        ['img', 'sum'],
        ['tanh', 'sum'],
        ['sum', 'drop'],
      ],
    ),
  );
  // Ids that are Python keywords, nn.Module members or not identifiers at all (tfjs accepts them as layer names).
  const awkward = chain([
    ['z', 'noise', { dim: NOISE_DIM }],
    ['class', 'dense', { units: 90 }],
    ['my-node', 'flatten'],
    ['self', 'activation', { fn: 'tanh' }],
    ['torch', 'reshape', { targetShape: [6, 5, 3] }],
    ['training', 'conv2d', { filters: 3, kernelSize: 3 }],
    ['F', 'batchNorm'],
    ['9lives', 'conv2dTranspose', { filters: 3, kernelSize: 3, strides: 1 }],
    ['forward', 'layerNorm'],
    ['out', 'output'],
  ]);
  const awkwardD = chain([
    ['x', 'data'],
    ['x.1', 'flatten'],
    ['def', 'dense', { units: 4 }],
    ['my_node', 'dense', { units: 1 }],
    ['out', 'output'],
  ]);
  add('awkward-ids', awkward, awkwardD);
  return cases;
}

describeTorch('PyTorch conversions of single layers, on hand graphs', () => {
  let root = '';
  const cases: Case[] = [];
  let results = new Map<string, CaseResult>();
  const names = layerCases().map(([name]) => name);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ganvas-pytorch-layers-'));
    for (const [name, project] of layerCases()) cases.push(await prepareCase(root, name, project));
    results = checkCases(root, cases);
  }, 120_000);

  afterAll(() => {
    const worst = [...results]
      .filter(([, r]) => !r.error)
      .map(([name, r]) => [name, Math.max(r.maxDiff.generator, r.maxDiff.discriminator)] as const)
      .sort((a, b) => b[1] - a[1]);
    console.info(
      `${results.size} layer cases; largest max |torch - tfjs|: ${worst
        .slice(0, 5)
        .map(([n, d]) => `${n} ${d.toExponential(2)}`)
        .join(', ')}`,
    );
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(names)('%s: same parameters, shapes and outputs as tfjs', (name) => {
    const r = results.get(name)!;
    expect(r.error, 'Python raised').toBeUndefined();
    for (const role of ['generator', 'discriminator'] as const) {
      expect(r.params[role].torch, `${role} parameters`).toBe(r.params[role].tfjs);
      expect(r.shapes[role].torch, `${role} output shape`).toEqual(r.shapes[role].tfjs);
      expect(r.maxDiff[role], `${role} max |torch - tfjs|`).toBeLessThan(1e-4);
    }
  });
});
