import { analyze } from '../compiler/analyze';
import { contextFor } from '../compiler/context';
import type { LayerKind, LossKind, NoiseDistribution, Role } from '../project/kinds';
import type { GanProject } from '../project/schema';
import type { IterationTrace } from './trace';

/** What a sub-step of slow motion shows. */
export type SubStepKind = 'real' | 'noise' | 'generate' | 'scores' | 'loss' | 'gradients' | 'update' | 'done';

/** One sub-step of a traced iteration, and what the canvases highlight while it is shown. */
export interface SubStep {
  /** The D update (`j` of `k`), the G update, or the closing summary. */
  phase: 'd' | 'g' | 'done';
  /** 0-based index of the D update; 0 otherwise. */
  j: number;
  kind: SubStepKind;
  /** The network this update trains (its canvas is marked as training). */
  trains: Role | null;
  /** The other network, when this sub-step runs it with its weights held fixed. */
  frozen: Role | null;
  /** Where the work of this sub-step happens: the tab the tabs layout shows. */
  focus: Role | null;
  /** Nodes to highlight, per network. */
  nodes: Record<Role, string[]>;
}

/** A canvas's mark while a sub-step is shown. */
export type CanvasMark = 'training' | 'frozen' | null;

const D_KINDS: SubStepKind[] = ['real', 'noise', 'generate', 'scores', 'loss', 'gradients', 'update'];
const G_KINDS: SubStepKind[] = ['noise', 'generate', 'scores', 'loss', 'gradients', 'update'];

/**
 * The sub-steps of one iteration of Algorithm 1: for each of the k D updates, a real batch, noise,
 * G(z), D's scores, the loss, the gradients and Adam's update; then the same for G (without a
 * real batch); then a summary. 14 sub-steps for k = 1.
 */
export function slowMotionSteps(project: GanProject, trace: Pick<IterationTrace, 'k'>): SubStep[] {
  const g = project.generator.nodes;
  const d = project.discriminator.nodes;
  const ofKind = (nodes: typeof g, ...kinds: LayerKind[]) => nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id);
  const withWeights = (role: Role) => {
    const { params } = analyze(project[role], contextFor(project, role));
    return project[role].nodes.filter((n) => (params[n.id] ?? 0) > 0).map((n) => n.id);
  };
  const nodes = {
    gInputs: ofKind(g, 'noise', 'label'),
    gOutput: ofKind(g, 'output'),
    gWeights: withWeights('generator'),
    dInputs: ofKind(d, 'data', 'label'),
    dOutput: ofKind(d, 'output'),
    dWeights: withWeights('discriminator'),
  };
  const none: string[] = [];
  const at = (generator: string[], discriminator: string[]) => ({ generator, discriminator });

  const dStep = (kind: SubStepKind, j: number): SubStep => {
    const base = { phase: 'd' as const, j, kind, trains: 'discriminator' as const };
    switch (kind) {
      case 'real':
        return { ...base, frozen: null, focus: 'discriminator', nodes: at(none, nodes.dInputs) };
      case 'noise':
        return { ...base, frozen: 'generator', focus: 'generator', nodes: at(nodes.gInputs, none) };
      case 'generate':
        return { ...base, frozen: 'generator', focus: 'generator', nodes: at(nodes.gOutput, none) };
      case 'scores':
        return { ...base, frozen: null, focus: 'discriminator', nodes: at(none, [...nodes.dInputs, ...nodes.dOutput]) };
      case 'loss':
        return { ...base, frozen: null, focus: 'discriminator', nodes: at(none, nodes.dOutput) };
      default:
        return { ...base, frozen: null, focus: 'discriminator', nodes: at(none, nodes.dWeights) };
    }
  };
  const gStep = (kind: SubStepKind): SubStep => {
    const base = { phase: 'g' as const, j: 0, kind, trains: 'generator' as const };
    switch (kind) {
      case 'noise':
        return { ...base, frozen: null, focus: 'generator', nodes: at(nodes.gInputs, none) };
      case 'generate':
        return { ...base, frozen: null, focus: 'generator', nodes: at(nodes.gOutput, none) };
      case 'scores':
        return { ...base, frozen: 'discriminator', focus: 'discriminator', nodes: at(none, [...nodes.dInputs, ...nodes.dOutput]) };
      case 'loss':
        return { ...base, frozen: 'discriminator', focus: 'discriminator', nodes: at(none, nodes.dOutput) };
      case 'gradients':
        // The gradient flows back through D (whose weights it leaves alone) into G's weights.
        return { ...base, frozen: 'discriminator', focus: 'generator', nodes: at(nodes.gWeights, none) };
      default:
        return { ...base, frozen: null, focus: 'generator', nodes: at(nodes.gWeights, none) };
    }
  };

  const steps: SubStep[] = [];
  for (let j = 0; j < trace.k; j++) for (const kind of D_KINDS) steps.push(dStep(kind, j));
  for (const kind of G_KINDS) steps.push(gStep(kind));
  steps.push({ phase: 'done', j: 0, kind: 'done', trains: null, frozen: null, focus: null, nodes: at(none, none) });
  return steps;
}

/** How a network's canvas is marked while `step` is shown. */
export function canvasMark(step: SubStep | null, role: Role): CanvasMark {
  if (!step) return null;
  if (step.trains === role) return 'training';
  if (step.frozen === role) return 'frozen';
  return null;
}

/** The losses as formulas (language-neutral math); D(·) is a probability for minimax and non-saturating. */
export function lossFormulas(loss: LossKind, smoothing: number, penaltyWeight: number): { d: string; g: string } {
  const target = +(1 - smoothing).toPrecision(6);
  const s = +smoothing.toPrecision(6);
  switch (loss) {
    case 'minimax':
    case 'non-saturating': {
      const real = smoothing > 0 ? `−E[${target}·log D(x) + ${s}·log(1 − D(x))]` : '−E[log D(x)]';
      return {
        d: `L_D = ${real} − E[log(1 − D(G(z)))]`,
        g: loss === 'minimax' ? 'L_G = E[log(1 − D(G(z)))]' : 'L_G = −E[log D(G(z))]',
      };
    }
    case 'least-squares':
      return { d: `L_D = ½·E[(D(x) − ${target})²] + ½·E[D(G(z))²]`, g: 'L_G = ½·E[(D(G(z)) − 1)²]' };
    case 'wasserstein-gp':
      return { d: `L_D = E[D(G(z))] − E[D(x)] + ${+penaltyWeight.toPrecision(6)}·E[(‖∇D(x̂)‖ − 1)²]`, g: 'L_G = −E[D(G(z))]' };
    case 'hinge':
      return { d: 'L_D = E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))]', g: 'L_G = −E[D(G(z))]' };
  }
}

/** The noise distribution in symbols: each coordinate of z is drawn from it. */
export function noiseSymbol(distribution: NoiseDistribution): string {
  return distribution === 'normal' ? 'N(0, I)' : 'U(−1, 1)';
}
