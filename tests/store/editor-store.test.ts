import { describe, expect, it } from 'vitest';
import { presetProject } from '@/lib/project/presets';
import { newProject } from '@/lib/project/new-project';
import { createEditorStore } from '@/lib/store/editor-store';
import { graphView } from '@/lib/store/analysis';

describe('editor store', () => {
  it('records each edit as one undo step, and undo/redo walk them exactly', () => {
    const store = createEditorStore(newProject());
    const start = store.getState().project;
    const dense = store.getState().addNode('generator', 'dense', { x: 0, y: 100 });
    store.getState().connect('generator', { source: 'z', target: dense });
    store.getState().connect('generator', { source: dense, target: 'out' });
    store.getState().updateParams('generator', dense, { units: 784 });
    const built = store.getState().project;
    expect(store.temporal.getState().pastStates).toHaveLength(4);
    for (let i = 0; i < 4; i++) store.temporal.getState().undo();
    expect(store.getState().project).toBe(start);
    for (let i = 0; i < 4; i++) store.temporal.getState().redo();
    expect(store.getState().project).toEqual(built);
  });

  it('commits a drag as one step, and selection changes record nothing', () => {
    const store = createEditorStore(presetProject('gan-2d-ring'));
    store.getState().setSelection('generator', { nodes: ['g1'], edges: [] });
    for (let i = 1; i <= 30; i++) store.getState().dragNodes('generator', { g1: { x: i, y: i } });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().endDrag();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(store.getState().project.generator.nodes.find((n) => n.id === 'g1')!.position).toEqual({ x: 30, y: 30 });
  });

  it('refuses bad connections without touching the project', () => {
    const store = createEditorStore(presetProject('mlp-gan-mnist'));
    const before = store.getState().project;
    expect(store.getState().connect('generator', { source: 'g2a', target: 'g1' }).ok).toBe(false);
    expect(store.getState().project).toBe(before);
  });

  it('copies, pastes and duplicates selections, deletes them, and selects all', () => {
    const store = createEditorStore(presetProject('mlp-gan-mnist'));
    const count = () => store.getState().project.discriminator.nodes.length;
    const n = count();
    store.getState().setSelection('discriminator', { nodes: ['d1', 'd1a'], edges: [] });
    store.getState().copy('discriminator');
    store.getState().paste('discriminator');
    expect(count()).toBe(n + 2);
    store.getState().duplicate('discriminator');
    expect(count()).toBe(n + 4);
    store.getState().deleteSelection('discriminator');
    expect(count()).toBe(n + 2);
    store.getState().selectAll('discriminator');
    store.getState().deleteSelection('discriminator');
    expect(count()).toBe(0);
  });

  it('memoises the analysis by graph identity', () => {
    const store = createEditorStore(presetProject('dcgan-mnist'));
    const a = graphView(store.getState().project, 'generator');
    store.getState().setSelection('generator', { nodes: ['g1'], edges: [] });
    expect(graphView(store.getState().project, 'generator')).toBe(a);
    store.getState().updateParams('generator', 'g1r', { targetShape: [7, 7, 128] });
    const b = graphView(store.getState().project, 'generator');
    expect(b).not.toBe(a);
    expect(b.byNode.g1r?.[0]?.en).toContain('Reshape to [7,7,128] needs 6272 values but receives 3136');
  });
});
