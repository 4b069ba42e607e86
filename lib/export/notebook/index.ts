import type { ICell, INotebookContent, MultilineString } from '@jupyterlab/nbformat';
import { datasetInfo } from '../../data/catalog';
import type { Locale } from '../../i18n/locale';
import { emaDecay, packSize, type GanProject } from '../../project/schema';
import { projectIr, type IrProject } from '../model-ir';
import { emitDataSection } from '../pytorch/data-py';
import { emitModelsPy } from '../pytorch/models-py';
import { pyComment, pyString } from '../pytorch/python';
import { trainConstants } from '../pytorch/train-py';
import { emitWeightsPy } from '../pytorch/weights-py';
import { DATA_PY, NOTEBOOK_PY, TRAIN_PY } from '../templates.generated';
import { markdownText } from './markdown';
import { graphsPicture } from './picture';
import { NOTEBOOK_TEXT, type NotebookFacts } from './text';

export { markdownText } from './markdown';

/** The Jupyter notebook export: its file name, its JSON text, and the cells for a preview. */
export interface NotebookExport {
  /** `ganvas-<safe name>.ipynb`. */
  fileName: string;
  text: string;
  notebook: INotebookContent;
  /** True when the notebook reads data.bin (MNIST, Fashion-MNIST, the user's images). */
  needsDataFile: boolean;
}

/** The file name: `ganvas-` and the project name in lower-case ASCII letters, digits and dashes. */
export function notebookFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `ganvas-${safe || 'design'}.ipynb`;
}

/** A cell's text as nbformat keeps it: a list of lines, each but the last ending in "\n". */
function sourceLines(text: string): MultilineString {
  const lines = text.replace(/\n+$/, '').split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

function cells(parts: ({ markdown: string[] } | { code: string })[]): ICell[] {
  return parts.map((part, i) => {
    const id = `ganvas-${String(i + 1).padStart(2, '0')}`;
    if ('markdown' in part) return { id, cell_type: 'markdown', metadata: {}, source: sourceLines(part.markdown.join('\n')) };
    return { id, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: sourceLines(part.code) };
  });
}

function facts(project: GanProject, ir: IrProject, locale: Locale, picture: string): NotebookFacts {
  const t = ir.training;
  const kind = ir.dataShape.length === 3 ? 'images' : ir.dataShape[0] === 1 ? 'points1d' : 'points2d';
  const layers = (role: 'generator' | 'discriminator') =>
    ir[role].nodes.filter((n) => !['noise', 'data', 'label', 'output'].includes(n.kind)).length;
  return {
    name: markdownText(project.name.trim() === '' ? 'GANvas' : project.name),
    dataset: markdownText(datasetInfo(ir.dataset).title[locale]),
    kind,
    torchvision: ir.dataset.id === 'mnist' || ir.dataset.id === 'fashion-mnist',
    conditional: ir.conditional,
    generator: { layers: layers('generator'), params: ir.generator.totalParams },
    discriminator: { layers: layers('discriminator'), params: ir.discriminator.totalParams },
    loss: t.loss,
    k: t.k,
    batchSize: t.batchSize,
    lrG: t.optimizers.generator.lr,
    lrD: t.optimizers.discriminator.lr,
    noise: t.noise.distribution === 'normal' ? 'N(0, 1)' : 'U(−1, 1)',
    noiseDim: t.noise.dim,
    pack: packSize(t),
    ema: emaDecay(t),
    picture,
  };
}

/** The data cell: train.py's data section; for images its ImageData class and the notebook's own load_data. */
function dataCode(ir: IrProject): string {
  const data = emitDataSection(ir);
  if (!data.readsFile)
    return [...data.lines, '', '', pyComment("The mixture needs no file: train.py's arguments are unused."), 'ARGS = None'].join('\n');
  const id = ir.dataset.id;
  return [
    pyComment("GANvas's packed image file (the Export dialog offers it as data.bin), read when it is there."),
    'DATA_FILE = os.environ.get("GANVAS_DATA", "data.bin")',
    pyComment('Else torchvision downloads this set ("mnist", "fashion-mnist"; None: not one of them).'),
    `TORCHVISION_SET = ${id === 'mnist' || id === 'fashion-mnist' ? pyString(id) : 'None'}`,
    pyComment('Else every image in this folder (your own images; None: not used).'),
    `IMAGE_FOLDER = ${id === 'images' ? 'os.environ.get("GANVAS_IMAGES", "images")' : 'None'}`,
    pyComment('What train.py reads from its command line.'),
    'ARGS = SimpleNamespace(data=DATA_FILE)',
    '',
    '',
    DATA_PY.images,
    '',
    '',
    NOTEBOOK_PY.imageSources,
  ].join('\n');
}

/**
 * The design as a Jupyter notebook (nbformat 4.5): a title with a summary and a picture of the two
 * graphs, then setup, data, models (models.py), weights (weights.py), losses and steps (train.py),
 * plots, the training loop and saving, each after a markdown cell in the UI's language; the last
 * cell tells how to train on many GPUs with train.py and torchrun. User text reaches the code
 * cells only as the PyTorch export writes it, and the markdown only escaped (markdownText).
 * @throws CompileError when either network has errors
 */
export function exportNotebook(project: GanProject, locale: Locale): NotebookExport {
  const ir = projectIr(project);
  const text = NOTEBOOK_TEXT[locale];
  const f = facts(project, ir, locale, graphsPicture(project.generator, project.discriminator, text.graphs));
  const config = [
    pyComment(`The settings of the GANvas project ${pyString(ir.name)}, as train.py has them.`),
    ...trainConstants(ir),
    '',
    NOTEBOOK_PY.settings,
  ].join('\n');
  const notebook: INotebookContent = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
    },
    cells: cells([
      { markdown: text.title(f) },
      { markdown: text.setup },
      { code: NOTEBOOK_PY.imports },
      { code: config },
      { markdown: text.data(f) },
      { code: dataCode(ir) },
      { markdown: text.models },
      { code: emitModelsPy(ir) },
      { markdown: text.weights },
      { code: emitWeightsPy() },
      { markdown: text.networks },
      { code: NOTEBOOK_PY.networks },
      { code: NOTEBOOK_PY.loadWeights },
      { markdown: text.losses(f) },
      { code: TRAIN_PY.losses },
      { markdown: text.steps(f) },
      { code: TRAIN_PY.steps },
      { code: NOTEBOOK_PY.optimizers },
      { markdown: text.plots(f) },
      { code: NOTEBOOK_PY.plots },
      { markdown: text.loop },
      { code: NOTEBOOK_PY.loop },
      { markdown: text.save },
      { code: NOTEBOOK_PY.finish },
      { markdown: text.torchrun(f) },
    ]),
  };
  return {
    fileName: notebookFileName(project.name),
    text: `${JSON.stringify(notebook, null, 1)}\n`,
    notebook,
    needsDataFile: f.kind === 'images',
  };
}
