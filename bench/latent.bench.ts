import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseImageSet } from '../lib/data/image-set';
import { presetProject, type PresetId } from '../lib/project/presets';
import { takesLabel } from '../lib/project/schema';
import { directions, everyClass, interpolate, labelWalk, moveAlong, repeat, row } from '../lib/train/latent';
import { createSession } from '../lib/train/session';
import { gridNoise } from '../lib/train/visuals';
import { nodeBackend } from './node-backend';

const ROUNDS = 9;

/**
 * What the latent explorer asks the worker, timed in Node on wasm (1 thread) as the worker runs it
 * between two training chunks: the walk (10 images on the path plus the one at the slider), the
 * directions (one moved image plus three sweeps of 7) and, for a conditional G, every class plus a
 * label walk (20). The median of 9 requests after one warm-up, per preset.
 */
export async function benchLatent(): Promise<string[]> {
  execFileSync(process.execPath, ['scripts/pack-datasets.mjs'], { stdio: 'pipe' });
  await nodeBackend('wasm', 1);
  const images = parseImageSet(new Uint8Array(readFileSync('public/data/mnist.bin')));
  const rows = [
    'Node, wasm, 1 thread; fresh (untrained) weights, which cost the same as trained ones.',
    '',
    '| preset | walk (11 images) | directions (22 images) | classes (20 images) |',
    '|---|---|---|---|',
  ];
  for (const id of ['mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist'] as PresetId[]) {
    const project = presetProject(id);
    const session = await createSession({ project, backend: 'wasm', loadImages: async () => images });
    const dim = project.training.noise.dim;
    const grid = gridNoise(project);
    const [a, b] = [row(grid, 0, dim), row(grid, 1, dim)];
    const classes = takesLabel(project.generator) ? 10 : 0;
    const axes = directions(dim, 3, project.training.seed);
    const labelsFor = (n: number) => (classes ? labelWalk(0, 0, classes, n) : undefined);
    const time = async (noise: Float32Array, count: number, labels?: Float32Array) => {
      await session.latent({ noise, count, ...(labels && { labels }) });
      const ms: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const t0 = performance.now();
        await session.latent({ noise, count, ...(labels && { labels }) });
        ms.push(performance.now() - t0);
      }
      ms.sort((x, y) => x - y);
      return `${ms[ms.length >> 1]!.toFixed(1)} ms`;
    };
    const walk = new Float32Array(11 * dim);
    walk.set(interpolate(a, b, 10, 'spherical'));
    walk.set(interpolate(a, b, 3, 'spherical').subarray(dim, 2 * dim), 10 * dim);
    const sweeps = new Float32Array(22 * dim);
    sweeps.set(moveAlong(a, axes, [0, 0, 0]));
    for (let k = 0; k < 3; k++)
      for (let s = 0; s < 7; s++)
        sweeps.set(
          moveAlong(
            a,
            axes,
            [0, 1, 2].map((j) => (j === k ? -3 + s : 0)),
          ),
          (1 + k * 7 + s) * dim,
        );
    const classWalk = new Float32Array(20 * classes);
    if (classes) {
      classWalk.set(everyClass(classes));
      classWalk.set(labelWalk(2, 7, classes, 10), 10 * classes);
    }
    rows.push(
      `| ${id} | ${await time(walk, 11, labelsFor(11))} | ${await time(sweeps, 22, labelsFor(22))} | ${classes ? await time(repeat(a, 20), 20, classWalk) : '–'} |`,
    );
    session.dispose();
  }
  return rows;
}
