import { emaDecay } from '../../project/schema';
import type { IrProject } from '../model-ir';
import { pyString } from './python';

/** README.md: what the files are and how to run them. The project name appears only escaped, in a code block. */
export function emitReadme(ir: IrProject): string {
  const images = !['gaussian-1d', 'ring-8', 'grid-25'].includes(ir.dataset.id);
  const data = images ? ' --data data.bin' : '';
  const ema = emaDecay(ir.training) > 0;
  return [
    '# PyTorch export of a GANvas project',
    '',
    'Project name:',
    '',
    `    ${pyString(ir.name).replace(/`/g, '\\u0060')}`,
    '',
    '- `models.py`: `Generator` and `Discriminator` (`torch.nn.Module`), the same layers and math as in GANvas.',
    '  Images are NCHW here (GANvas and tfjs hold them NHWC); D returns raw scores (logits).',
    `- \`train.py\`: the GANvas training loop (${ir.training.loss} loss, k = ${ir.training.k}, Adam for each network).`,
    '- `weights.py`: `load_tfjs_weights(model, folder)` reads weights downloaded from GANvas',
    '  (tfjs layers format: `model.json` + `weights.bin`) into a model.',
    '',
    '## Run',
    '',
    'Needs Python 3 with PyTorch (1.13 or later) and NumPy.',
    '',
    '```sh',
    `python train.py --iterations 1000${data} --out checkpoints`,
    `torchrun --nproc_per_node=2 train.py --iterations 1000${data}`,
    '```',
    '',
    ...(images
      ? [
          "`--data` is a GANV image file (GANvas's packed format, as in its `public/data/mnist.bin`) of",
          `${ir.dataShape.join('×')} images${ir.conditional ? ' with labels' : ''}; it defaults to \`data.bin\` beside \`train.py\`.`,
          '',
        ]
      : []),
    'Under `torchrun` every process draws its own batches (seed + rank), DistributedDataParallel averages the',
    'gradients (gloo on CPU, nccl on CUDA), and rank 0 prints and saves. Options:',
    '',
    '- `--iterations N`: generator updates (default 1000); each follows k discriminator updates.',
    ema
      ? "- `--out DIR`: where `generator.pt`, `discriminator.pt` and `generator_average.pt` (G's weight average, the generator to sample from) are saved."
      : '- `--out DIR`: where `generator.pt` and `discriminator.pt` (state_dicts) are saved.',
    '- `--weights DIR`: start from weights downloaded from GANvas: `DIR/generator/model.json` + `weights.bin`',
    ema
      ? "  and `DIR/discriminator/...`; G's weight average goes on from `DIR/generator-average/` when it is there."
      : '  and `DIR/discriminator/...`.',
    '- `--seed S`, `--log-every N`.',
    '',
    "PyTorch 1.13's torchrun fails on Python 3.11 before starting any worker (`'NoneType' object has no",
    "attribute 'get'` in `to_map`); `torchrun --redirects 1 --tee 1 ...` works around it.",
    '',
    '## Use the weights',
    '',
    '```python',
    'import torch',
    'from models import Generator',
    'from weights import load_tfjs_weights',
    '',
    'g = Generator()',
    ema
      ? 'load_tfjs_weights(g, "weights/generator-average")  # or g.load_state_dict(torch.load("checkpoints/generator_average.pt"))'
      : 'load_tfjs_weights(g, "weights/generator")  # or g.load_state_dict(torch.load("checkpoints/generator.pt"))',
    'g.eval()',
    '```',
    '',
  ].join('\n');
}
