import { emaDecay, packSize } from '../../project/schema';
import type { IrProject } from '../model-ir';
import { TRAIN_PY } from '../templates.generated';
import { emitDataSection } from './data-py';
import { pyBool, pyComment, pyNumber, pyString } from './python';

const pyTuple = (values: readonly number[]): string => `(${values.map(pyNumber).join(', ')}${values.length === 1 ? ',' : ''})`;

/** The training settings as named constants; every value passes through a literal writer, even enums. */
export function trainConstants(ir: IrProject): string[] {
  const t = ir.training;
  const { generator: g, discriminator: d } = t.optimizers;
  return [
    `BATCH_SIZE = ${pyNumber(t.batchSize)}`,
    pyComment('Discriminator updates per generator update, each on a fresh real batch and fresh noise.'),
    `K = ${pyNumber(t.k)}`,
    pyComment('minimax, non-saturating, least-squares, wasserstein-gp or hinge; D returns raw scores (logits).'),
    `LOSS = ${pyString(t.loss)}`,
    pyComment('One-sided label smoothing: real targets become 1 - LABEL_SMOOTHING.'),
    `LABEL_SMOOTHING = ${pyNumber(t.labelSmoothing)}`,
    pyComment('Weight of the wasserstein-gp gradient penalty.'),
    `GRADIENT_PENALTY = ${pyNumber(t.gradientPenalty)}`,
    `LR_G = ${pyNumber(g.lr)}`,
    `BETA1_G = ${pyNumber(g.beta1)}`,
    `BETA2_G = ${pyNumber(g.beta2)}`,
    `LR_D = ${pyNumber(d.lr)}`,
    `BETA1_D = ${pyNumber(d.beta1)}`,
    `BETA2_D = ${pyNumber(d.beta2)}`,
    pyComment("tfjs's Adam epsilon."),
    'ADAM_EPS = 1e-7',
    pyComment(
      "Packing (PacGAN): D judges packs of PACK samples side by side, so BATCH_SIZE counts packs. D's input is built for this value.",
    ),
    `PACK = ${pyNumber(packSize(t))}`,
    pyComment(
      "G's weight average: after every G update a <- a + (1 - b)(w - a), b = min(EMA_DECAY, (1 + t) / (10 + t)) at iteration t; 0: off.",
    ),
    `EMA_DECAY = ${pyNumber(emaDecay(t))}`,
    `NOISE_DIM = ${pyNumber(t.noise.dim)}`,
    pyComment('"normal": N(0, 1); "uniform": uniform in [-1, 1].'),
    `NOISE = ${pyString(t.noise.distribution)}`,
    pyComment('One sample, channels-last as GANvas and the data file hold it.'),
    `DATA_SHAPE = ${pyTuple(ir.dataShape)}`,
    `NUM_CLASSES = ${ir.numClasses === undefined ? 'None' : pyNumber(ir.numClasses)}`,
    pyComment('Whether G and D take a one-hot class label besides noise or data.'),
    `G_TAKES_LABEL = ${pyBool(ir.generator.inputs.length > 1)}`,
    `D_TAKES_LABEL = ${pyBool(ir.discriminator.inputs.length > 1)}`,
    'CONDITIONAL = G_TAKES_LABEL or D_TAKES_LABEL',
    `SEED = ${pyNumber(t.seed)}`,
    'LOG_EVERY = 100',
  ];
}

function parseArgs(readsFile: boolean): string[] {
  return [
    'def parse_args():',
    '    here = os.path.dirname(os.path.abspath(__file__))',
    '    parser = argparse.ArgumentParser(description="Train the GAN exported from GANvas.")',
    '    parser.add_argument("--iterations", type=int, default=1000, help="generator updates (default 1000)")',
    ...(readsFile ? ['    parser.add_argument("--data", default=os.path.join(here, "data.bin"), help="the GANV image file")'] : []),
    '    parser.add_argument("--out", default=os.path.join(here, "checkpoints"), help="where rank 0 saves the state_dicts")',
    '    parser.add_argument("--weights", default=None, help="folder with generator/ and discriminator/ in the tfjs layers format")',
    '    parser.add_argument("--seed", type=int, default=SEED, help="process r seeds torch with seed + r")',
    '    parser.add_argument("--log-every", type=int, default=LOG_EVERY, help="print a line every N iterations")',
    '    return parser.parse_args()',
  ];
}

/**
 * train.py: Goodfellow et al.'s Algorithm 1 as GANvas runs it, on one process or under torchrun. The
 * static code (imports, losses, the loop) is lib/export/templates/pytorch/train.py.
 */
export function emitTrainPy(ir: IrProject): string {
  const data = emitDataSection(ir);
  return [
    pyComment(`Trains the GAN of the GANvas project ${pyString(ir.name)}.`),
    pyComment('  python train.py --iterations 1000' + (data.readsFile ? ' --data data.bin' : '')),
    pyComment('  torchrun --nproc_per_node=2 train.py --iterations 1000' + (data.readsFile ? ' --data data.bin' : '')),
    TRAIN_PY.header,
    '',
    ...trainConstants(ir),
    '',
    '',
    ...data.lines,
    '',
    '',
    TRAIN_PY.losses,
    '',
    '',
    ...parseArgs(data.readsFile),
    '',
    '',
    TRAIN_PY.steps,
    '',
    '',
    TRAIN_PY.loop,
    '',
  ].join('\n');
}
