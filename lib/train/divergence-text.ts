import { bi, type BiText } from '../i18n/bi';
import type { GanProject } from '../project/schema';

/** Why a run stopped: what went wrong at which iteration, and what to try, in both languages. */
export interface Divergence {
  iteration: number;
  what: BiText;
  advice: BiText;
}

/** What went wrong when a loss left the finite numbers, in both languages. */
export function lossDiverged(network: 'generator' | 'discriminator', nan: boolean, iteration: number): BiText {
  return bi(
    `the ${network} loss became ${nan ? 'NaN' : 'infinite'} at iteration ${iteration}`,
    `${network === 'generator' ? '生成器' : '判别器'}的损失在第 ${iteration} 次迭代时变成了${nan ? ' NaN' : '无穷大'}`,
  );
}

/** What went wrong when a network's gradients left the finite numbers, in both languages. */
export function gradientsDiverged(network: 'generator' | 'discriminator', iteration: number): BiText {
  return bi(
    `the ${network}'s gradients became NaN or infinite at iteration ${iteration}`,
    `${network === 'generator' ? '生成器' : '判别器'}的梯度在第 ${iteration} 次迭代时变成了 NaN 或无穷大`,
  );
}

/** What went wrong when a weight left the finite numbers, in both languages. */
export function weightsDiverged(iteration: number): BiText {
  return bi(`a weight became NaN or infinite by iteration ${iteration}`, `到第 ${iteration} 次迭代时，有权重变成了 NaN 或无穷大`);
}

/** What to try after a divergence, for this project's settings, in both languages. */
export function adviceFor(project: GanProject): BiText {
  const { loss, optimizers } = project.training;
  const lr = Math.max(optimizers.generator.lr, optimizers.discriminator.lr);
  const lower = +(lr / 4).toPrecision(2);
  const tips = [bi(`lower the learning rates (now up to ${lr}; try ${lower})`, `降低学习率（目前最高 ${lr}；试试 ${lower}）`)];
  if (loss === 'minimax') tips.push(bi('use the non-saturating loss', '改用 non-saturating 损失'));
  else if (loss !== 'wasserstein-gp')
    tips.push(bi('try the wasserstein-gp or least-squares loss', '试试 wasserstein-gp 或 least-squares 损失'));
  tips.push(bi('add BatchNorm or LayerNorm between layers', '在层之间加入批归一化或层归一化'));
  return bi(
    `Training paused and the last good weights were restored. Try: ${tips.map((t) => t.en).join('; ')}.`,
    `训练已暂停，并恢复了最后一组正常的权重。可以尝试：${tips.map((t) => t.zh).join('；')}。`,
  );
}

/** A divergence at `iteration`: what happened and what to try, in both languages. */
export function divergenceOf(iteration: number, what: BiText, project: GanProject): Divergence {
  return { iteration, what, advice: adviceFor(project) };
}
