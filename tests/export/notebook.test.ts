import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICell } from '@jupyterlab/nbformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeImageSet } from '@/lib/data/image-set';
import { createRng } from '@/lib/data/rng';
import { exportNotebook, notebookFileName } from '@/lib/export/notebook';
import { presetProject, type PresetId } from '@/lib/project/presets';
import { chain } from '@/lib/project/presets/build';
import type { GanProject, Graph } from '@/lib/project/schema';
import { prepareCase, PYTHON, torchMissingReason } from './pytorch-harness';

const PRESETS: PresetId[] = ['gan-1d-gaussian', 'gan-2d-ring', 'mlp-gan-mnist', 'dcgan-mnist', 'cgan-mnist'];

/** Why the notebooks cannot run here (no torch, no matplotlib), or null. */
function notebookMissingReason(): string | null {
  const torch = torchMissingReason();
  if (torch) return torch;
  const r = spawnSync(PYTHON, ['-c', 'import matplotlib'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return `${PYTHON} cannot import matplotlib (apt-get install -y python3-matplotlib)`;
  return null;
}

const reason = notebookMissingReason();
if (reason) console.warn(`Skipping the notebook tests that run Python: ${reason}`);
const describePython = reason ? describe.skip : describe;
const hasNbformat = !reason && spawnSync(PYTHON, ['-c', 'import nbformat'], { timeout: 60_000 }).status === 0;

const text = (cell: ICell) => (typeof cell.source === 'string' ? cell.source : cell.source.join(''));

describe('the notebook export: nbformat 4.5', () => {
  it.each(PRESETS.flatMap((p) => [[p, 'en'] as const, [p, 'zh'] as const]))(
    '%s (%s): the shape nbformat 4.5 requires',
    (preset, locale) => {
      const nb = exportNotebook(presetProject(preset), locale);
      expect(JSON.parse(nb.text)).toEqual(nb.notebook);
      expect(nb.notebook.nbformat).toBe(4);
      expect(nb.notebook.nbformat_minor).toBe(5);
      expect(nb.notebook.metadata.kernelspec).toEqual({ name: 'python3', display_name: 'Python 3', language: 'python' });
      expect(nb.notebook.metadata.language_info?.name).toBe('python');
      const ids = new Set<string>();
      for (const cell of nb.notebook.cells) {
        expect(cell.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
        ids.add(cell.id as string);
        expect(['markdown', 'code']).toContain(cell.cell_type);
        expect(cell.metadata).toEqual({});
        const source = cell.source;
        expect(Array.isArray(source)).toBe(true);
        (source as string[]).forEach((line, i, all) => {
          expect(typeof line).toBe('string');
          // Each line but the last ends in "\n" and holds no other.
          expect(line.slice(0, -1)).not.toContain('\n');
          if (i < all.length - 1) expect(line.endsWith('\n')).toBe(true);
        });
        if (cell.cell_type === 'code') {
          expect(cell.execution_count).toBeNull();
          expect(cell.outputs).toEqual([]);
          expect(Object.keys(cell).sort()).toEqual(['cell_type', 'execution_count', 'id', 'metadata', 'outputs', 'source']);
        } else {
          expect(Object.keys(cell).sort()).toEqual(['cell_type', 'id', 'metadata', 'source']);
        }
      }
      expect(ids.size).toBe(nb.notebook.cells.length);
      expect(nb.fileName).toMatch(/^ganvas-[a-z0-9-]+\.ipynb$/);
      const cells = nb.notebook.cells;
      expect(cells[0]!.cell_type).toBe('markdown');
      expect(text(cells[0]!)).toMatch(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
      expect(text(cells.at(-1)!)).toContain('torchrun --nproc_per_node=N train.py');
      expect(nb.needsDataFile).toBe(preset.endsWith('mnist'));
      if (locale === 'zh') expect(text(cells[1]!)).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('reuses the PyTorch export: models.py and weights.py are cells, train.py gives the losses and steps', () => {
    const cells = exportNotebook(presetProject('dcgan-mnist'), 'en').notebook.cells.map(text);
    expect(cells.some((c) => c.startsWith('# GANvas project') && c.includes('class Generator(nn.Module):'))).toBe(true);
    expect(cells.some((c) => c.includes('def load_tfjs_weights('))).toBe(true);
    expect(cells.some((c) => c.includes('def d_loss_real(out):'))).toBe(true);
    expect(cells.some((c) => c.includes('def d_step(') && c.includes('def weight_average('))).toBe(true);
    // train.py's main() (argparse, torchrun) stays out: the notebook has its own loop.
    expect(cells.some((c) => c.includes('def main():') || c.includes('parse_args'))).toBe(false);
  });

  it('names the file from the project name, safely', () => {
    expect(notebookFileName('DCGAN on MNIST')).toBe('ganvas-dcgan-on-mnist.ipynb');
    expect(notebookFileName('../../etc/passwd')).toBe('ganvas-etc-passwd.ipynb');
    expect(notebookFileName('漢字')).toBe('ganvas-design.ipynb');
    expect(notebookFileName('Café "x"')).toBe('ganvas-cafe-x.ipynb');
    expect(notebookFileName('Cafés')).toBe('ganvas-cafes.ipynb');
  });
});

/** User text trying to end a string, a comment, a line, a code span, a link or an HTML element. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '`x`',
  '"""; import os #',
  'x\ny',
  '](javascript:alert(1))',
  '${x}',
  '\r\nimport os\r\n',
  '<img src=x onerror=alert(1)>',
  '# heading',
  ']]><!--',
  'é漢😀',
  '\u2028*/',
  'back\\slash\\',
];

function hostileGraph(g: Graph, offset: number): Graph {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `${HOSTILE[(i + offset) % HOSTILE.length]!}${i}`]));
  return {
    nodes: g.nodes.map((n, i) => ({ ...n, id: ids.get(n.id)!, label: HOSTILE[(i + 3 + offset) % HOSTILE.length]! })),
    edges: g.edges.map((e) => ({ ...e, source: ids.get(e.source)!, target: ids.get(e.target)! })),
  };
}

function hostileProject(clean: GanProject): GanProject {
  return {
    ...clean,
    name: '<script>alert(1)</script>\n# `x` ](javascript:x) """\nimport os',
    generator: hostileGraph(clean.generator, 0),
    discriminator: hostileGraph(clean.discriminator, 5),
  };
}

describe('user text in the notebook stays data', () => {
  it.each(['cgan-mnist', 'gan-2d-ring'] as const)('%s: markdown escaped, code ASCII-only with the same lines, picture inert', (preset) => {
    const clean = exportNotebook(presetProject(preset), 'en').notebook.cells;
    const hostile = exportNotebook(hostileProject(presetProject(preset)), 'en').notebook.cells;
    expect(hostile.length).toBe(clean.length);
    hostile.forEach((cell, i) => {
      const body = text(cell);
      expect(cell.cell_type).toBe(clean[i]!.cell_type);
      // No user text adds a line.
      expect(body.split('\n').length, `cell ${i}`).toBe(text(clean[i]!).split('\n').length);
      if (cell.cell_type === 'code') {
        expect(body, `cell ${i}`).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
        const imports = (t: string) => t.split('\n').filter((l) => /^\s*(import|from)\s/.test(l)).length;
        expect(imports(body)).toBe(imports(text(clean[i]!)));
      } else {
        expect(body).not.toMatch(/<script|<img|javascript:alert|\]\(javascript/i);
        expect(body).not.toContain('`x`');
      }
    });
    const title = text(hostile[0]!);
    expect(title.split('\n')[0]).toBe(
      '# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\# \\`x\\` \\]\\(javascript\\:x\\) \\"\\"\\" import os',
    );
    const svg = (cell: ICell) => Buffer.from(/base64,([A-Za-z0-9+/=]+)\)/.exec(text(cell))![1]!, 'base64').toString('utf8');
    const tags = (s: string) => (s.match(/</g) ?? []).length;
    // The same elements as the clean picture: labels became text, not markup.
    expect(tags(svg(hostile[0]!))).toBe(tags(svg(clean[0]!)));
    expect(svg(hostile[0]!)).not.toMatch(/<script|<img|<!--/);
  });

  it.skipIf(!!reason)("cgan-mnist: the hostile notebook's code cells parse to the clean ones' shape (names and strings blanked)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganvas-notebook-hostile-'));
    try {
      const clean = join(dir, 'clean.ipynb');
      const hostile = join(dir, 'hostile.ipynb');
      writeFileSync(clean, exportNotebook(presetProject('cgan-mnist'), 'en').text);
      writeFileSync(hostile, exportNotebook(hostileProject(presetProject('cgan-mnist')), 'zh').text);
      const r = spawnSync(PYTHON, ['-c', AST_CHECK, clean, hostile], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('same');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const AST_CHECK = `
import ast, json, sys

def shape(path):
    cells = json.load(open(path, encoding="utf-8"))["cells"]
    out = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                node.id = "_"
            elif isinstance(node, ast.Attribute):
                node.attr = "_"
            elif isinstance(node, ast.arg):
                node.arg = "_"
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                node.value = "_"
        out.append(ast.dump(tree))
    return out

print("same" if shape(sys.argv[1]) == shape(sys.argv[2]) else "different")
`;

/**
 * Runs each notebook's code cells in order in one namespace, as Jupyter would, under Agg, in the
 * notebook's folder and with its environment variables (argv[1]: a JSON list of {path, env}).
 */
const RUNNER = `
import json, os, sys, time, traceback
import matplotlib
matplotlib.use("Agg")
results = {}
base = dict(os.environ)
for run in json.load(open(sys.argv[1], encoding="utf-8")):
    path = run["path"]
    start = time.time()
    os.environ.clear()
    os.environ.update(base, **run["env"])
    os.chdir(os.path.dirname(path))
    namespace = {"__name__": "__main__"}
    try:
        for cell in json.load(open(path, encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), "<cell %s of %s>" % (cell["id"], path), "exec"), namespace)
        results[path] = {"seconds": time.time() - start, "iterations": namespace["history"]["iteration"]}
    except Exception:
        results[path] = {"error": traceback.format_exc()}
print(json.dumps(results))
`;

/** A tiny labelled 28×28 GANV file, as the app's data.bin for MNIST (the tests reach no dataset host). */
function tinyMnist(file: string): void {
  const count = 40;
  const rng = createRng(5);
  const pixels = Uint8Array.from({ length: count * 28 * 28 }, () => Math.floor(rng.next() * 256));
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  writeFileSync(file, new Uint8Array(encodeImageSet({ count, shape: [28, 28, 1], pixels, labels, numClasses: 10 })));
}

/** Five RGB PNGs of different sizes and aspects, written with Pillow (matplotlib's dependency). */
const PNGS = `
import os, sys
from PIL import Image
os.makedirs(sys.argv[1])
for i, size in enumerate([(12, 10), (8, 8), (20, 9), (5, 14), (30, 30)]):
    Image.new("RGB", size, (40 * i, 255 - 40 * i, 90)).save(os.path.join(sys.argv[1], "p%d.png" % i))
`;

/** A small unconditional DCGAN on the user's own 8×8 RGB images, with hinge loss, packs of 2 and G's average. */
function ownImagesProject(): GanProject {
  const base = presetProject('dcgan-mnist');
  return {
    ...base,
    name: 'My pictures',
    dataset: { id: 'images', options: { height: 8, width: 8, channels: 3 } },
    training: { ...base.training, loss: 'hinge', pack: 2, ema: 0.99, noise: { dim: 4, distribution: 'uniform' } },
    generator: chain([
      ['z', 'noise', { dim: 4, distribution: 'uniform' }],
      ['g1', 'dense', { units: 48 }],
      ['g1r', 'reshape', { targetShape: [4, 4, 3] }],
      ['g2', 'conv2dTranspose', { filters: 3, kernelSize: 3, strides: 2 }],
      ['g2a', 'activation', { fn: 'tanh' }],
      ['out', 'output'],
    ]),
    discriminator: chain([
      ['x', 'data'],
      ['d1', 'conv2d', { filters: 4, kernelSize: 3, strides: 2 }],
      ['d1a', 'activation', { fn: 'leakyRelu' }],
      ['flat', 'flatten'],
      ['d2', 'dense', { units: 1 }],
      ['out', 'output'],
    ]),
  };
}

describePython('the notebook runs top to bottom, unattended', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ganvas-notebook-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('every preset (and a folder of own images) trains a few iterations offline (data.bin for MNIST), loads weights from GANvas, and saves its plots', async () => {
    // The 2-D ring starts from tfjs weights saved as the app downloads them.
    const weights = (await prepareCase(root, 'ring-weights', presetProject('gan-2d-ring'))).spec.weights;
    const runs = PRESETS.map((preset, i): { path: string; env: Record<string, string> } => {
      const dir = join(root, preset);
      mkdirSync(dir, { recursive: true });
      const nb = exportNotebook(presetProject(preset), i % 2 ? 'zh' : 'en');
      writeFileSync(join(dir, nb.fileName), nb.text);
      if (nb.needsDataFile) tinyMnist(join(dir, 'data.bin'));
      return { path: join(dir, nb.fileName), env: preset === 'gan-2d-ring' ? { GANVAS_WEIGHTS: weights } : {} };
    });
    // The user's own images, read from a folder of PNGs of odd sizes (no data.bin beside the notebook).
    const own = join(root, 'own-images');
    const nb = exportNotebook(ownImagesProject(), 'en');
    expect(nb.needsDataFile).toBe(true);
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, nb.fileName), nb.text);
    const pngs = spawnSync(PYTHON, ['-c', PNGS, join(own, 'pictures')], { encoding: 'utf8', timeout: 60_000 });
    expect(pngs.status, pngs.stderr).toBe(0);
    runs.push({ path: join(own, nb.fileName), env: { GANVAS_IMAGES: join(own, 'pictures') } });
    const spec = join(root, 'runs.json');
    writeFileSync(spec, JSON.stringify(runs));
    const env = {
      ...process.env,
      OMP_NUM_THREADS: '1',
      MPLBACKEND: 'Agg',
      GANVAS_ITERATIONS: '3',
      GANVAS_PLOT_EVERY: '2',
      GANVAS_BATCH_SIZE: '8',
      GANVAS_FIGURES: 'figures',
    };
    const started = Date.now();
    const r = spawnSync(PYTHON, ['-c', RUNNER, spec], { encoding: 'utf8', timeout: 120_000, env });
    console.log(`ran ${runs.length} notebooks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, { error?: string; iterations?: number[] }>;
    for (const { path } of runs) {
      expect(results[path]?.error, path).toBeUndefined();
      expect(results[path]?.iterations).toEqual([1, 2, 3]);
      const figures = join(path, '..', 'figures');
      expect(existsSync(figures), figures).toBe(true);
      const pngs = readdirSync(figures).sort();
      expect(pngs).toEqual(['progress-000002.png', 'progress-000003.png', 'samples.png']);
      for (const png of pngs) expect(statSync(join(figures, png)).size).toBeGreaterThan(1000);
      expect(existsSync(join(path, '..', 'checkpoints', 'generator.pt'))).toBe(true);
    }
    expect(r.stdout).toContain(`loaded G and D from ${weights}`);
  }, 120_000);

  it.skipIf(!hasNbformat)('validates against the nbformat 4.5 JSON schema (Python nbformat)', () => {
    const files = PRESETS.map((preset) => {
      const file = join(root, `${preset}-schema.ipynb`);
      writeFileSync(file, exportNotebook(presetProject(preset), 'zh').text);
      return file;
    });
    const code =
      'import sys, nbformat\nfor f in sys.argv[1:]:\n    nbformat.validate(nbformat.read(f, as_version=nbformat.NO_CONVERT))\nprint("valid")';
    const r = spawnSync(PYTHON, ['-c', code, ...files], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('valid');
  });
});
