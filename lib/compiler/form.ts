import { z } from 'zod';
import { bi, type BiText } from '../i18n/bi';
import { issueText } from '../i18n/zod-issue';
import { layerSpec } from './layers';
import type { Params } from './types';

/** One inspector field, derived from a kind's zod params schema. */
export type ParamField =
  | { name: string; label: string; type: 'integer' | 'number'; min?: number; max?: number; nullable: boolean; defaultValue: unknown }
  | { name: string; label: string; type: 'boolean'; defaultValue: unknown }
  | { name: string; label: string; type: 'enum'; options: string[]; defaultValue: unknown }
  | { name: string; label: string; type: 'shape'; defaultValue: unknown };

/** "kernelSize" → "kernel size". */
function labelOf(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function objectShape(kind: string): Record<string, z.ZodType> | null {
  const schema = layerSpec(kind)?.schema;
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/** The fields of a kind's params form, in schema order. */
export function paramFields(kind: string): ParamField[] {
  const shape = objectShape(kind);
  if (!shape) return [];
  return Object.entries(shape).map(([name, field]) => {
    let inner: z.ZodType = field;
    let defaultValue: unknown;
    let nullable = false;
    if (inner instanceof z.ZodDefault) {
      defaultValue = inner.def.defaultValue;
      inner = inner.def.innerType as z.ZodType;
    }
    if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.def.innerType as z.ZodType;
    }
    const label = labelOf(name);
    if (inner instanceof z.ZodBoolean) return { name, label, type: 'boolean', defaultValue };
    if (inner instanceof z.ZodEnum) return { name, label, type: 'enum', options: inner.options.map(String), defaultValue };
    if (inner instanceof z.ZodArray) return { name, label, type: 'shape', defaultValue };
    const num = inner as z.ZodNumber;
    return {
      name,
      label,
      type: num.isInt ? 'integer' : 'number',
      min: Number.isFinite(num.minValue) ? (num.minValue ?? undefined) : undefined,
      max: Number.isFinite(num.maxValue) ? (num.maxValue ?? undefined) : undefined,
      nullable,
      defaultValue,
    };
  });
}

/** Every param of a kind at its default. */
export function defaultParams(kind: string): Params {
  const spec = layerSpec(kind);
  const parsed = spec?.schema.safeParse({});
  return parsed?.success ? (parsed.data as Params) : {};
}

/** Checks one param value; returns a message for the inspector in both languages, or null when it is valid. */
export function validateParam(kind: string, name: string, value: unknown): BiText | null {
  const field = objectShape(kind)?.[name];
  if (!field) return bi(`unknown param "${name}"`, `未知参数 "${name}"`);
  const result = field.safeParse(value, { reportInput: true });
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? issueText(issue) : bi('invalid value', '无效的值');
}

/** Words of the summaries that name a param value, in Chinese. */
const VALUE_ZH: Record<string, string> = { normal: '正态', uniform: '均匀', nearest: '最近邻', bilinear: '双线性' };

const same = (text: string) => ({ en: text, zh: text });

/** The few params worth showing on the node itself, e.g. "64 filters · 4×4 · s2 · same", in both languages. */
export function paramSummary(kind: string, params: Params): { en: string; zh: string } {
  const p = { ...defaultParams(kind), ...params };
  const zh = (value: unknown) => VALUE_ZH[String(value)] ?? String(value);
  switch (kind) {
    case 'noise':
      return { en: `${p.dim} · ${p.distribution}`, zh: `${p.dim} 维 · ${zh(p.distribution)}` };
    case 'dense':
      return { en: `${p.units} unit${p.units === 1 ? '' : 's'}`, zh: `${p.units} 个单元` };
    case 'conv2d':
    case 'conv2dTranspose': {
      const kernel = `${p.kernelSize}×${p.kernelSize}`;
      return { en: `${p.filters} filters · ${kernel} · s${p.strides} · ${p.padding}`, zh: `${p.filters} 个卷积核 · ${kernel} · 步长 ${p.strides} · ${p.padding}` };
    }
    case 'upSampling2d':
      return { en: `×${p.size} · ${p.interpolation}`, zh: `×${p.size} · ${zh(p.interpolation)}` };
    case 'maxPooling2d':
    case 'averagePooling2d': {
      const window = `${p.poolSize}×${p.poolSize}`;
      const strides = p.strides ?? p.poolSize;
      return { en: `${window} · s${strides}`, zh: `${window} · 步长 ${strides}` };
    }
    case 'dropout':
      return { en: `rate ${p.rate}`, zh: `比率 ${p.rate}` };
    case 'activation':
      // Function names read the same in both languages.
      return same(p.fn === 'leakyRelu' ? `leakyRelu α=${p.alpha}` : String(p.fn));
    case 'reshape':
      return same(Array.isArray(p.targetShape) ? `→ ${p.targetShape.join('×')}` : '');
    case 'concatenate':
      return { en: `axis ${p.axis}`, zh: `轴 ${p.axis}` };
    default:
      return same('');
  }
}
