import { LAYERS } from '../compiler/layers';
import { DATASET_DEFAULTS, datasetInfo } from '../data/catalog';
import type { BiText } from '../i18n/locale';
import type { LayerKind, LossKind, Role } from '../project/kinds';
import { LOSS_TITLES, SETTINGS } from '../project/training-settings';
import { RECENT, type Check, type CheckMetric, type LeafCheck, type LearnEvent, type QualityMeasure } from './checks';

const ROLE: Record<Role, BiText> = {
  generator: { en: 'generator', zh: '生成器' },
  discriminator: { en: 'discriminator', zh: '判别器' },
};

const METRIC: Record<CheckMetric, BiText> = {
  dReal: { en: 'D(x), D’s output on real data', zh: 'D(x)，判别器对真实数据的输出' },
  dFake: { en: 'D(G(z)), D’s output on generated data', zh: 'D(G(z))，判别器对生成数据的输出' },
  dLoss: { en: 'the discriminator’s loss', zh: '判别器的损失' },
  gLoss: { en: 'the generator’s loss', zh: '生成器的损失' },
};

const QUALITY: Record<QualityMeasure, BiText> = {
  classes: { en: 'the number of classes the generator’s samples cover (of 10)', zh: '生成样本覆盖的类别数（共 10 类）' },
  score: { en: 'the classifier score of the generator’s samples (1 to 10)', zh: '生成样本的分类器分数（1 到 10）' },
  fid: { en: 'the FID of the generator’s samples (lower is better)', zh: '生成样本的 FID（越低越好）' },
  labelAccuracy: { en: 'the label accuracy of the generator’s samples', zh: '生成样本的标签准确率' },
};

const EVENT: Record<LearnEvent, BiText> = {
  'slow-motion-done': { en: 'Watch one iteration in slow motion to the end', zh: '以慢动作看完一次完整的迭代' },
  'stepped-d': { en: 'Step the discriminator on its own', zh: '单独更新一次判别器' },
  'stepped-g': { en: 'Step the generator on its own', zh: '单独更新一次生成器' },
  'digit-chosen': { en: 'Choose a digit for the generator to draw', zh: '为生成器选择一个要画的数字' },
  'explored-latent': { en: 'Drag a slider of the latent-space explorer', zh: '拖动潜空间探索器的一个滑块' },
  compared: { en: 'Compare two runs', zh: '比较两次训练' },
};

/** Numbers as a person writes them: no float noise (0.1 + 0.2), no exponent for small rates. */
function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const fixed = n.toPrecision(6).replace(/\.?0+$/, '');
  return fixed.includes('e') ? String(n) : fixed;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases a sentence's first word, leaving names such as "D(x)" as they are. */
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const layer = (kind: LayerKind) => LAYERS[kind].title;

/** Bounds as words: "between a and b", "at least a", "at most b"; null without bounds. */
function bounds(b: { atLeast?: number; atMost?: number }): BiText | null {
  if (b.atLeast !== undefined && b.atMost !== undefined)
    return { en: `between ${num(b.atLeast)} and ${num(b.atMost)}`, zh: `在 ${num(b.atLeast)} 到 ${num(b.atMost)} 之间` };
  if (b.atLeast !== undefined) return { en: `at least ${num(b.atLeast)}`, zh: `至少为 ${num(b.atLeast)}` };
  if (b.atMost !== undefined) return { en: `at most ${num(b.atMost)}`, zh: `至多为 ${num(b.atMost)}` };
  return null;
}

function describeLeaf(check: LeafCheck): BiText {
  switch (check.kind) {
    case 'layer': {
      const n = check.atLeast ?? 1;
      const r = ROLE[check.role];
      const l = layer(check.layer);
      return n === 1
        ? { en: `The ${r.en} has a ${l.en} layer`, zh: `${r.zh}中有一个「${l.zh}」层` }
        : { en: `The ${r.en} has at least ${n} ${l.en} layers`, zh: `${r.zh}中至少有 ${n} 个「${l.zh}」层` };
    }
    case 'edge': {
      const r = ROLE[check.role];
      const from = layer(check.from);
      const to = layer(check.to);
      return {
        en: `In the ${r.en}, a ${from.en} layer feeds a ${to.en} layer`,
        zh: `在${r.zh}中，一个「${from.zh}」层连到一个「${to.zh}」层`,
      };
    }
    case 'valid':
      return { en: 'Both networks have no errors', zh: '两个网络都没有错误' };
    case 'dataset': {
      const title = datasetInfo(DATASET_DEFAULTS[check.id]).title;
      return { en: `The dataset is ${title.en}`, zh: `数据集是「${title.zh}」` };
    }
    case 'setting': {
      const s = SETTINGS[check.name].noun;
      const parts: BiText[] = [];
      if (check.equals !== undefined) {
        const value =
          typeof check.equals === 'string' ? LOSS_TITLES[check.equals as LossKind] : { en: num(check.equals), zh: num(check.equals) };
        parts.push({ en: `is ${value.en}`, zh: `为 ${value.zh}` });
      }
      const b = bounds(check);
      if (b) parts.push({ en: `is ${b.en}`, zh: b.zh });
      if (!parts.length) return { en: `The ${s.en} may be anything`, zh: `${s.zh}可以是任意值` };
      return { en: `The ${s.en} ${parts.map((p) => p.en).join(' and ')}`, zh: `${s.zh}${parts.map((p) => p.zh).join('，且')}` };
    }
    case 'iterations':
      return {
        en: `Train for at least ${check.atLeast} iteration${check.atLeast === 1 ? '' : 's'}`,
        zh: `训练至少 ${check.atLeast} 次迭代`,
      };
    case 'metric': {
      const m = METRIC[check.metric];
      const parts: BiText[] = [];
      if (check.target !== undefined) {
        parts.push(
          check.within
            ? { en: `within ±${num(check.within)} of ${num(check.target)}`, zh: `在 ${num(check.target)} ± ${num(check.within)} 之内` }
            : { en: `equal to ${num(check.target)}`, zh: `等于 ${num(check.target)}` },
        );
      }
      const b = bounds(check);
      if (b) parts.push(b);
      const what = { en: `${capital(m.en)} (mean of the last ${RECENT} iterations)`, zh: `${m.zh}（最近 ${RECENT} 次迭代的平均）` };
      if (!parts.length) return { en: `${what.en} has been measured`, zh: `${what.zh}已有测量值` };
      return { en: `${what.en} is ${parts.map((p) => p.en).join(' and ')}`, zh: `${what.zh}${parts.map((p) => p.zh).join('，且')}` };
    }
    case 'modes': {
      const q = check.highQuality;
      const base = {
        en: `The generator covers at least ${check.atLeast} of the data’s modes`,
        zh: `生成器至少覆盖数据的 ${check.atLeast} 个模式`,
      };
      if (q === undefined) return base;
      const pct = num(Math.round(q * 1000) / 10);
      return { en: `${base.en}, with at least ${pct}% of samples close to a mode`, zh: `${base.zh}，且至少 ${pct}% 的样本靠近某个模式` };
    }
    case 'js':
      return {
        en: `The Jensen–Shannon divergence between the data and the generator is at most ${num(check.atMost)} nats`,
        zh: `数据分布与生成分布之间的 JS 散度至多为 ${num(check.atMost)} nats`,
      };
    case 'quality': {
      const m = QUALITY[check.measure];
      const percent = check.measure === 'labelAccuracy';
      const b = bounds({
        atLeast: check.atLeast === undefined ? undefined : percent ? check.atLeast * 100 : check.atLeast,
        atMost: check.atMost === undefined ? undefined : percent ? check.atMost * 100 : check.atMost,
      });
      if (!b) return { en: `${capital(m.en)} has been measured`, zh: `${m.zh}已有测量值` };
      return { en: `${capital(m.en)} is ${b.en}${percent ? ' %' : ''}`, zh: `${m.zh}${b.zh}${percent ? '%' : ''}` };
    }
    case 'event':
      return EVENT[check.event];
  }
}

/** A check in words, in both languages: what a student is shown as the goal. */
export function describeCheck(check: Check): BiText {
  if (check.kind !== 'all') return describeLeaf(check);
  const parts = check.of.map(describeLeaf);
  if (parts.length === 1) return parts[0]!;
  return {
    en: `All of these: ${parts.map((p, i) => (i === 0 ? p.en : lower(p.en))).join('; ')}`,
    zh: `同时满足：${parts.map((p) => p.zh).join('；')}`,
  };
}
