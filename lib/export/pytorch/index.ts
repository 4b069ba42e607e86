import type { GanProject } from '../../project/schema';
import { projectIr } from '../model-ir';
import { emitModelsPy } from './models-py';
import { emitReadme } from './readme';
import { emitTrainPy } from './train-py';
import { emitWeightsPy } from './weights-py';

/** One generated file: a path relative to the export's folder and its text. */
export interface ExportedFile {
  path: string;
  text: string;
}

/**
 * The project as runnable PyTorch code: `models.py` (Generator and Discriminator, the same math as
 * the tfjs models), `train.py` (the GANvas training loop, torchrun-ready), `weights.py` (loads the
 * weights GANvas downloads in the tfjs layers format) and `README.md`. User text reaches the Python
 * files only as escaped ASCII string literals and generated identifiers.
 * @throws CompileError when either network has errors
 */
export function exportPyTorch(project: GanProject): { files: ExportedFile[] } {
  const ir = projectIr(project);
  return {
    files: [
      { path: 'models.py', text: emitModelsPy(ir) },
      { path: 'train.py', text: emitTrainPy(ir) },
      { path: 'weights.py', text: emitWeightsPy() },
      { path: 'README.md', text: emitReadme(ir) },
    ],
  };
}
