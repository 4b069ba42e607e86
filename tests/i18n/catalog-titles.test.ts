import { describe, expect, it } from 'vitest';
import { DATASET_DEFAULTS, datasetInfo } from '@/lib/data/catalog';
import { DATASET_IDS } from '@/lib/project/kinds';
import { PRESET_IDS, PRESETS } from '@/lib/project/presets';

const HAS_CJK = /[\u3400-\u9fff]/;

describe('dataset and preset titles', () => {
  it('every dataset has a Chinese title', () => {
    for (const id of DATASET_IDS) {
      const { title } = datasetInfo(DATASET_DEFAULTS[id]);
      expect(title.en.trim(), id).not.toBe('');
      expect(HAS_CJK.test(title.zh), `${id}: ${title.zh}`).toBe(true);
    }
  });

  it('every preset has a Chinese title', () => {
    for (const id of PRESET_IDS) {
      expect(PRESETS[id].title.en.trim(), id).not.toBe('');
      expect(HAS_CJK.test(PRESETS[id].title.zh), `${id}: ${PRESETS[id].title.zh}`).toBe(true);
    }
  });
});
