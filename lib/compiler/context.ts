import { datasetInfo } from '../data/catalog';
import type { Role } from '../project/kinds';
import { packSize, type GanProject } from '../project/schema';
import { analyze } from './analyze';
import type { Analysis, AnalyzeContext } from './types';

/** The analysis context of one of a project's networks: its dataset, loss and noise. */
export function contextFor(project: GanProject, role: Role): AnalyzeContext {
  const info = datasetInfo(project.dataset);
  return {
    role,
    dataShape: info.shape,
    numClasses: info.numClasses,
    dataRange: info.range,
    dataBounded: info.bounded,
    loss: project.training.loss,
    noise: project.training.noise,
    ...(role === 'discriminator' && packSize(project.training) > 1 && { pack: packSize(project.training) }),
  };
}

/** Analyses both networks of a project. */
export function analyzeProject(project: GanProject): Record<Role, Analysis> {
  return {
    generator: analyze(project.generator, contextFor(project, 'generator')),
    discriminator: analyze(project.discriminator, contextFor(project, 'discriminator')),
  };
}
