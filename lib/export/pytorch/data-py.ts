import type { IrProject } from '../model-ir';
import { DATA_PY } from '../templates.generated';
import { pyNumber } from './python';

/** The part of train.py that draws real batches, plus whether it reads a `--data` file. */
export interface DataSection {
  /** Lines, or blocks of lines joined by "\n". */
  lines: string[];
  readsFile: boolean;
}

/** The classes that draw the batches: lib/export/templates/pytorch/data.py. */
const { mixture: MIXTURE, images: IMAGES, imagesLoad: IMAGES_LOAD } = DATA_PY;

/** Real data drawn by the formulas of lib/data/synthetic.ts, or read from a GANV file. */
export function emitDataSection(ir: IrProject): DataSection {
  const ref = ir.dataset;
  switch (ref.id) {
    case 'gaussian-1d':
      return {
        readsFile: false,
        lines: [
          '# The data: one Gaussian of mean GAUSSIAN_MEAN and standard deviation MODE_STD.',
          `GAUSSIAN_MEAN = ${pyNumber(ref.options.mean)}`,
          `MODE_STD = ${pyNumber(ref.options.std)}`,
          '',
          '',
          'def mixture_modes():',
          '    return [[GAUSSIAN_MEAN]]',
          '',
          '',
          MIXTURE,
        ],
      };
    case 'ring-8':
      return {
        readsFile: false,
        lines: [
          '# The data: 8 Gaussians at angles 2*pi*i/8 on a circle of RING_RADIUS, standard deviation MODE_STD.',
          `RING_RADIUS = ${pyNumber(ref.options.radius)}`,
          `MODE_STD = ${pyNumber(ref.options.std)}`,
          '',
          '',
          'def mixture_modes():',
          '    angles = [2 * math.pi * i / 8 for i in range(8)]',
          '    return [[RING_RADIUS * math.cos(a), RING_RADIUS * math.sin(a)] for a in angles]',
          '',
          '',
          MIXTURE,
        ],
      };
    case 'grid-25':
      return {
        readsFile: false,
        lines: [
          '# The data: 25 Gaussians at {-2..2} * GRID_SPACING squared, standard deviation MODE_STD.',
          `GRID_SPACING = ${pyNumber(ref.options.spacing)}`,
          `MODE_STD = ${pyNumber(ref.options.std)}`,
          '',
          '',
          'def mixture_modes():',
          '    return [[i * GRID_SPACING, j * GRID_SPACING] for i in range(-2, 3) for j in range(-2, 3)]',
          '',
          '',
          MIXTURE,
        ],
      };
    case 'mnist':
    case 'fashion-mnist':
    case 'images':
      return { readsFile: true, lines: [IMAGES, '', '', IMAGES_LOAD] };
  }
}
