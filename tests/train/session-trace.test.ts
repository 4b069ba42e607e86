import { describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import { createSession } from '@/lib/train/session';

const noImages = async () => {
  throw new Error('no images in this test');
};

describe('session.traceIteration', () => {
  it('advances the run by one iteration, hands back the trace with the picture, and queues behind other work', async () => {
    const project = presetProject('gan-1d-gaussian');
    for (const g of [project.generator, project.discriminator])
      for (const n of g.nodes) if (n.kind === 'dense' && (n.params.units as number) > 2) n.params.units = 8;
    project.training = { ...project.training, batchSize: 16, k: 2 };
    const session = await createSession({ project, backend: 'cpu', loadImages: noImages });
    await session.step('both');
    // Started together: the weights read waits for the traced iteration, which waits for the step.
    const [stepped, traced, weights] = await Promise.all([session.step('both'), session.traceIteration(), session.getWeights()]);
    expect(stepped.status.iteration).toBe(2);
    expect(traced.status.iteration).toBe(3);
    expect(traced.metrics.map((m) => m.iteration)).toEqual([3]);
    expect(traced.trace?.iteration).toBe(3);
    expect(traced.trace?.d).toHaveLength(2);
    expect(traced.visual?.kind).toBe('density');
    expect(weights.iteration).toBe(3);
    expect((await session.step('both')).status.iteration).toBe(4);
    session.dispose();
  });
});
