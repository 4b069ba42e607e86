import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIr } from '@/lib/export/model-ir';
import { exportPyTorch } from '@/lib/export/pytorch';
import { presetProject } from '@/lib/project/presets';
import type { GanProject, Graph } from '@/lib/project/schema';
import { PYTHON, run, runPython, torchMissingReason, writeExport } from './pytorch-harness';

const reason = torchMissingReason();
if (reason) console.warn(`Skipping the PyTorch hostile-label tests that run Python: ${reason}`);
const describeTorch = reason ? describe.skip : describe;

/** Text a user could type as a node id, label or project name, each trying to end a string, comment or line. */
const HOSTILE = [
  'a"b',
  "a'b",
  'x\ny',
  "'''",
  '"""; import os #',
  '\u2028',
  '${x}',
  '*/',
  'back\\slash\\',
  '\r\nimport os\r\n',
  'é漢😀',
  '# \u2029 \u0000',
  ');os.system("x");(',
  'class',
];

function hostileGraph(g: Graph, offset: number): Graph {
  const ids = new Map(
    g.nodes.map((n, i) => [n.id, i < HOSTILE.length ? HOSTILE[(i + offset) % HOSTILE.length]! : `${HOSTILE[i % HOSTILE.length]}${i}`]),
  );
  return {
    nodes: g.nodes.map((n, i) => ({ ...n, id: ids.get(n.id)!, label: HOSTILE[(HOSTILE.length - 1 - i + offset) % HOSTILE.length]! })),
    edges: g.edges.map((e) => ({ ...e, source: ids.get(e.source)!, target: ids.get(e.target)! })),
  };
}

function hostileProject(clean: GanProject): GanProject {
  return {
    ...clean,
    name: '"""\nimport os\n\u2028*/',
    generator: hostileGraph(clean.generator, 0),
    discriminator: hostileGraph(clean.discriminator, 5),
  };
}

/** Checks the hostile export against the clean one: same AST once names and strings are blanked, ids round-trip. */
const CHECK = `
import ast, json, sys
import torch

def shape(path):
    with open(path, encoding="ascii") as f:
        tree = ast.parse(f.read(), path)
    statements = sum(isinstance(n, ast.stmt) for n in ast.walk(tree))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            node.id = "_"
        elif isinstance(node, ast.Attribute):
            node.attr = "_"
        elif isinstance(node, ast.arg):
            node.arg = "_"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = "_"
    return ast.dump(tree), statements

clean, hostile, spec_path = sys.argv[1:4]
spec = json.load(open(spec_path, encoding="utf-8"))
result = {"files": {}}
for name in ("models.py", "train.py", "weights.py"):
    a, na = shape(clean + "/" + name)
    b, nb = shape(hostile + "/" + name)
    result["files"][name] = {"same": a == b, "statements": [na, nb]}
sys.path.insert(0, hostile)
import models
for role, cls in (("generator", models.Generator), ("discriminator", models.Discriminator)):
    net = cls()
    layers = net.TFJS_LAYERS
    ok = sorted(layers) == sorted(spec[role]["weighted"]) and all(hasattr(net, attr) for attr, _ in layers.values())
    net.eval()
    with torch.no_grad():
        y = net(*[torch.rand(2, *s) for s in spec[role]["inputs"]])
    result[role] = {"ids": ok, "shape": list(y.shape)}
print(json.dumps(result))
`;

const WEIGHTED = new Set(['dense', 'conv2d', 'conv2dTranspose', 'batchNorm', 'layerNorm']);
const torchLayout = (shape: number[]) => (shape.length === 3 ? [shape[2]!, shape[0]!, shape[1]!] : shape);

describe('user text in the PyTorch export', () => {
  it.each(['cgan-mnist', 'dcgan-mnist'] as const)(
    '%s: a hostile project exports ASCII-only Python with the same lines as a clean one',
    (preset) => {
      const clean = exportPyTorch(presetProject(preset)).files;
      const hostile = exportPyTorch(hostileProject(presetProject(preset))).files;
      for (const [i, file] of hostile.entries()) {
        if (file.path.endsWith('.py')) expect(file.text, file.path).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
        // No user text can add a line (a newline in a comment or string would).
        expect(file.text.split('\n').length, file.path).toBe(clean[i]!.text.split('\n').length);
        const imports = (text: string) => text.split('\n').filter((l) => /^\s*(import|from)\s/.test(l)).length;
        expect(imports(file.text), file.path).toBe(imports(clean[i]!.text));
      }
    },
  );
});

describeTorch('hostile node ids and labels, in Python', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ganvas-pytorch-hostile-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(['cgan-mnist', 'dcgan-mnist'] as const)(
    '%s: files compile, add no statement, and carry the ids exactly',
    (preset) => {
      const project = hostileProject(presetProject(preset));
      const cleanDir = join(root, `${preset}-clean`);
      const hostileDir = join(root, `${preset}-hostile`);
      writeExport(cleanDir, presetProject(preset));
      writeExport(hostileDir, project);
      for (const name of ['models.py', 'train.py', 'weights.py']) run(PYTHON, ['-m', 'py_compile', join(hostileDir, name)]);
      const ir = projectIr(project);
      const spec = Object.fromEntries(
        (['generator', 'discriminator'] as const).map((role) => [
          role,
          {
            weighted: ir[role].nodes.filter((n) => WEIGHTED.has(n.kind)).map((n) => n.id),
            inputs: ir[role].inputs.map((id) => torchLayout(ir[role].nodes.find((n) => n.id === id)!.shape)),
          },
        ]),
      );
      const specFile = join(root, `${preset}-spec.json`);
      writeFileSync(specFile, JSON.stringify(spec));
      const result = JSON.parse(runPython(CHECK, [cleanDir, hostileDir, specFile]).trim().split('\n').at(-1)!);
      for (const name of ['models.py', 'train.py', 'weights.py']) {
        const [cleanCount, hostileCount] = result.files[name].statements;
        expect(hostileCount, `${name} statements`).toBe(cleanCount);
        expect(result.files[name].same, `${name}: AST with names and strings blanked`).toBe(true);
      }
      expect(result.generator).toEqual({ ids: true, shape: [2, ...torchLayout(ir.dataShape)] });
      expect(result.discriminator).toEqual({ ids: true, shape: [2, 1] });
    },
    60_000,
  );
});
