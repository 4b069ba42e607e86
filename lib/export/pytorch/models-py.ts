import type { IrModel, IrProject } from '../model-ir';
import { helperCode, INIT_LIKE_TFJS, type HelperName } from './helpers';
import { isImage, TORCH_LAYERS, type TorchLayer } from './layers';
import { identifiers, nodeComment, pyComment, pyString } from './python';

const CLASS_NAMES = { generator: 'Generator', discriminator: 'Discriminator' } as const;

/** A tensor's shape as torch holds it, batch first: `[N, 1, 28, 28]`. */
function torchShape(shape: readonly number[]): string {
  const dims = isImage(shape) ? [shape[2], shape[0], shape[1]] : shape;
  return `[${['N', ...dims].join(', ')}]`;
}

interface EmittedModel {
  lines: string[];
  helpers: Set<HelperName>;
}

/** One network as an nn.Module subclass whose attribute and variable names come from the node ids. */
function emitModel(model: IrModel): EmittedModel {
  const layers = model.nodes.filter((n) => n.kind !== 'output');
  const names = identifiers(layers.map((n) => n.id));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const helpers = new Set<HelperName>();
  const init: string[] = [];
  const forward: string[] = [];
  const tfjsLayers: string[] = [];
  for (const node of layers) {
    const name = names.get(node.id)!;
    const layer: TorchLayer = TORCH_LAYERS[node.kind]({ node, name, inputs: node.inputs.map((id) => names.get(id)!) });
    for (const h of layer.helpers ?? []) helpers.add(h);
    if (layer.init) init.push(nodeComment(node), ...layer.init);
    if (layer.forward.length > 0) forward.push(nodeComment(node), ...layer.forward);
    if (layer.weights) tfjsLayers.push(`${pyString(node.id)}: ("${name}", "${layer.weights}"),`);
  }
  const args = model.inputs.map((id) => names.get(id)!);
  const argDocs = model.inputs.map((id) => `${names.get(id)!} ${torchShape(byId.get(id)!.shape)}`);
  const out = byId.get(model.output)!;
  const className = CLASS_NAMES[model.role];
  const what = model.role === 'generator' ? 'samples' : 'raw scores (logits)';
  const lines = [
    `class ${className}(nn.Module):`,
    `    """The ${model.role}${args.length > 1 ? ', conditioned on a one-hot label' : ''}: ${argDocs.join(', ')} -> ${what} ${torchShape(out.shape)}."""`,
    '',
    `    ${pyComment('tfjs layer name -> (attribute, layer kind): what weights.py loads.')}`,
    ...(tfjsLayers.length > 0 ? ['    TFJS_LAYERS = {', ...tfjsLayers.map((l) => `        ${l}`), '    }'] : ['    TFJS_LAYERS = {}']),
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...init.map((l) => `        ${l}`),
    '        self.apply(init_like_tfjs)',
    '',
    `    def forward(self, ${args.join(', ')}):`,
    ...forward.map((l) => `        ${l}`),
    `        return ${names.get(model.output)!}`,
  ];
  return { lines, helpers };
}

/** models.py: the helpers the graphs need, then `Generator` and `Discriminator`. */
export function emitModelsPy(ir: IrProject): string {
  const g = emitModel(ir.generator);
  const d = emitModel(ir.discriminator);
  const helpers = helperCode(new Set([...g.helpers, ...d.helpers]));
  const blocks = [...helpers, INIT_LIKE_TFJS, g.lines.join('\n'), d.lines.join('\n')];
  return [
    pyComment(`GANvas project ${pyString(ir.name)}: its generator and discriminator as torch.nn.Modules.`),
    pyComment('Images are NCHW here, where tfjs holds them NHWC; weights.py loads weights saved by GANvas.'),
    'import math',
    '',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    '',
    blocks.join('\n\n\n'),
    '',
  ].join('\n');
}
