import { describe, expect, it } from 'vitest';
import { checkSchema, LEARN_EVENTS, type LeafCheck } from '@/lib/classroom/checks';
import { describeCheck } from '@/lib/classroom/describe';

const HAS_CJK = /[\u3400-\u9fff]/;

/** At least one example of every kind of check; a new kind fails type-checking until it has one. */
const EXAMPLES: { [K in LeafCheck['kind']]: Extract<LeafCheck, { kind: K }>[] } = {
  layer: [
    { kind: 'layer', role: 'generator', layer: 'batchNorm' },
    { kind: 'layer', role: 'discriminator', layer: 'dense', atLeast: 3 },
  ],
  edge: [{ kind: 'edge', role: 'generator', from: 'dense', to: 'batchNorm' }],
  valid: [{ kind: 'valid' }],
  dataset: [{ kind: 'dataset', id: 'ring-8' }],
  setting: [
    { kind: 'setting', name: 'loss', equals: 'non-saturating' },
    { kind: 'setting', name: 'batchSize', equals: 64 },
    { kind: 'setting', name: 'lrD', atLeast: 0.0001, atMost: 0.0005 },
    { kind: 'setting', name: 'k', atLeast: 2 },
    { kind: 'setting', name: 'labelSmoothing', atMost: 0.2 },
    { kind: 'setting', name: 'noiseDim' },
  ],
  iterations: [
    { kind: 'iterations', atLeast: 1 },
    { kind: 'iterations', atLeast: 500 },
  ],
  metric: [
    { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.05 },
    { kind: 'metric', metric: 'gLoss', atMost: 1.2 },
    { kind: 'metric', metric: 'dFake', target: 0.5 },
    { kind: 'metric', metric: 'dLoss' },
  ],
  modes: [
    { kind: 'modes', atLeast: 8 },
    { kind: 'modes', atLeast: 6, highQuality: 0.8 },
  ],
  js: [{ kind: 'js', atMost: 0.05 }],
  quality: [
    { kind: 'quality', measure: 'classes', atLeast: 10 },
    { kind: 'quality', measure: 'labelAccuracy', atLeast: 0.9 },
    { kind: 'quality', measure: 'fid', atMost: 2 },
    { kind: 'quality', measure: 'score' },
  ],
  event: LEARN_EVENTS.map((event) => ({ kind: 'event' as const, event })),
};
const ALL_LEAVES: LeafCheck[] = Object.values(EXAMPLES).flat();

describe('describeCheck', () => {
  it('words every kind of check in English and in Chinese, without holes', () => {
    for (const check of ALL_LEAVES) {
      expect(checkSchema.safeParse(check).success, JSON.stringify(check)).toBe(true);
      const { en, zh } = describeCheck(check);
      expect(en, JSON.stringify(check)).toMatch(/^[A-Z]/);
      expect(HAS_CJK.test(zh), zh).toBe(true);
      for (const text of [en, zh]) expect(text, JSON.stringify(check)).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  it('names layers, roles, settings and bounds', () => {
    expect(describeCheck(EXAMPLES.edge[0]!)).toEqual({
      en: 'In the generator, a Dense layer feeds a BatchNorm layer',
      zh: '在生成器中，一个「全连接」层连到一个「批归一化」层',
    });
    expect(describeCheck(EXAMPLES.layer[1]!).en).toBe('The discriminator has at least 3 Dense layers');
    expect(describeCheck(EXAMPLES.setting[0]!)).toEqual({ en: 'The loss is non-saturating', zh: '损失函数为 非饱和（non-saturating）' });
    expect(describeCheck(EXAMPLES.setting[2]!)).toEqual({
      en: 'The discriminator learning rate is between 0.0001 and 0.0005',
      zh: '判别器学习率在 0.0001 到 0.0005 之间',
    });
    expect(describeCheck(EXAMPLES.iterations[0]!).en).toBe('Train for at least 1 iteration');
    expect(describeCheck(EXAMPLES.iterations[1]!)).toEqual({ en: 'Train for at least 500 iterations', zh: '训练至少 500 次迭代' });
    expect(describeCheck(EXAMPLES.dataset[0]!).en).toMatch(/^The dataset is .*ring/i);
  });

  it('says "within ±tol of target" for metrics, averaged over recent iterations', () => {
    expect(describeCheck(EXAMPLES.metric[0]!)).toEqual({
      en: 'D(x), D’s output on real data (mean of the last 20 iterations) is within ±0.05 of 0.5',
      zh: 'D(x)，判别器对真实数据的输出（最近 20 次迭代的平均）在 0.5 ± 0.05 之内',
    });
    expect(describeCheck(EXAMPLES.modes[1]!).en).toBe(
      'The generator covers at least 6 of the data’s modes, with at least 80% of samples close to a mode',
    );
  });

  it('writes numbers as people do', () => {
    expect(describeCheck({ kind: 'metric', metric: 'gLoss', atMost: 0.1 + 0.2 }).en).toMatch(/at most 0\.3$/);
    expect(describeCheck({ kind: 'setting', name: 'lrG', equals: 2e-4 }).en).toBe('The generator learning rate is 0.0002');
    expect(describeCheck({ kind: 'modes', atLeast: 5, highQuality: 0.333 }).en).toMatch(/33\.3%/);
  });

  it('joins a list of checks, keeping names such as D(x) capitalised', () => {
    const both = describeCheck({
      kind: 'all',
      of: [{ kind: 'iterations', atLeast: 5 }, { kind: 'metric', metric: 'dReal', target: 0.5, within: 0.1 }, { kind: 'valid' }],
    });
    expect(both.en).toBe(
      'All of these: Train for at least 5 iterations; D(x), D’s output on real data (mean of the last 20 iterations) is within ±0.1 of 0.5; both networks have no errors',
    );
    expect(both.zh).toBe(
      '同时满足：训练至少 5 次迭代；D(x)，判别器对真实数据的输出（最近 20 次迭代的平均）在 0.5 ± 0.1 之内；两个网络都没有错误',
    );
    expect(describeCheck({ kind: 'all', of: [{ kind: 'valid' }] })).toEqual(describeCheck({ kind: 'valid' }));
  });
});
