import { describe, expect, it } from 'vitest';
import { parseProjectText, serializeProject } from '@/lib/project/parse';
import { PRESET_IDS, presetProject } from '@/lib/project/presets';
import { trainingFingerprint } from '@/lib/train/fingerprint';

describe('trainingFingerprint', () => {
  it('is the same for every preset after a save and reload (fields in the schema order, not the builder order)', () => {
    for (const id of PRESET_IDS) {
      const project = presetProject(id);
      const parsed = parseProjectText(serializeProject(project));
      if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
      expect(trainingFingerprint(parsed.project), id).toBe(trainingFingerprint(project));
    }
  });

  it('changes with what is trained, packing included, and not with key order', () => {
    const project = presetProject('gan-2d-ring');
    const reordered = { ...project, training: Object.fromEntries(Object.entries(project.training).reverse()) as typeof project.training };
    expect(trainingFingerprint(reordered)).toBe(trainingFingerprint(project));
    expect(trainingFingerprint({ ...project, training: { ...project.training, pack: 3 } })).not.toBe(trainingFingerprint(project));
  });
});
