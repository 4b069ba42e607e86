import { z } from 'zod';
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

/** Checks one param value; returns a message for the inspector, or null when it is valid. */
export function validateParam(kind: string, name: string, value: unknown): string | null {
  const field = objectShape(kind)?.[name];
  if (!field) return `unknown param "${name}"`;
  const result = field.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid value');
}

/** The few params worth showing on the node itself, e.g. "64 filters · 4×4 · s2 · same". */
export function paramSummary(kind: string, params: Params): string {
  const p = { ...defaultParams(kind), ...params };
  switch (kind) {
    case 'noise':
      return `${p.dim} · ${p.distribution}`;
    case 'dense':
      return `${p.units} unit${p.units === 1 ? '' : 's'}`;
    case 'conv2d':
    case 'conv2dTranspose':
      return `${p.filters} filters · ${p.kernelSize}×${p.kernelSize} · s${p.strides} · ${p.padding}`;
    case 'upSampling2d':
      return `×${p.size} · ${p.interpolation}`;
    case 'maxPooling2d':
    case 'averagePooling2d':
      return `${p.poolSize}×${p.poolSize} · s${p.strides ?? p.poolSize}`;
    case 'dropout':
      return `rate ${p.rate}`;
    case 'activation':
      return p.fn === 'leakyRelu' ? `leakyRelu α=${p.alpha}` : String(p.fn);
    case 'reshape':
      return Array.isArray(p.targetShape) ? `→ ${p.targetShape.join('×')}` : '';
    case 'concatenate':
      return `axis ${p.axis}`;
    default:
      return '';
  }
}
